namespace SecureRag.Hosting.ApplicationModel;

/// <summary>A resource that lives inside another one, e.g. a database inside its server.</summary>
/// <typeparam name="TParent">The type of the parent resource.</typeparam>
public interface IResourceWithParent<out TParent> : IResource where TParent : IResource
{
    /// <summary>The resource this one lives in.</summary>
    TParent Parent { get; }
}
