namespace SecureRag.Hosting.ApplicationModel;

/// <summary>The resources of the app model, in the order they were added.</summary>
public interface IResourceCollection : IList<IResource>
{
    /// <summary>The resource named <paramref name="name"/>, or <see langword="null"/>.</summary>
    IResource? Find(string name);
}
