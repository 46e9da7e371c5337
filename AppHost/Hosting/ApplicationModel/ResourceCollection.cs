using System.Collections.ObjectModel;

namespace SecureRag.Hosting.ApplicationModel;

internal sealed class ResourceCollection : Collection<IResource>, IResourceCollection
{
    public IResource? Find(string name) => Items.FirstOrDefault(r => r.Name == name);

    protected override void InsertItem(int index, IResource item)
    {
        EnsureUnique(item);
        base.InsertItem(index, item);
    }

    protected override void SetItem(int index, IResource item)
    {
        if (Items[index].Name != item.Name)
        {
            EnsureUnique(item);
        }

        base.SetItem(index, item);
    }

    private void EnsureUnique(IResource item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (Find(item.Name) is not null)
        {
            throw new InvalidOperationException($"A resource named '{item.Name}' already exists.");
        }
    }
}
