namespace SecureRag.Hosting.ApplicationModel;

/// <summary>A named part of the distributed application: a server, a database or a project.</summary>
public interface IResource
{
    /// <summary>
    /// The resource's name, lowercase kebab-case. It is the contract with the services: the connection-string name,
    /// the host in a service-discovery URI and, for projects, the database role and schema.
    /// </summary>
    string Name { get; }

    /// <summary>What the builder's extension methods attached: references, waits, environment, replicas.</summary>
    ResourceAnnotationCollection Annotations { get; }
}
