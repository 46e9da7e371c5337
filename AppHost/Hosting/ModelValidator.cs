using SecureRag.Hosting.ApplicationModel;

namespace SecureRag.Hosting;

/// <summary>Checks that every resource referenced or waited for is part of the model.</summary>
internal static class ModelValidator
{
    public static void Validate(IResourceCollection resources)
    {
        foreach (var resource in resources)
        {
            var related = resource.Annotations.OfType<WaitAnnotation>().Select(a => a.Resource)
                .Concat(resource.Annotations.OfType<ResourceReferenceAnnotation>().Select(a => a.Resource));
            if (resource is PostgresDatabaseResource database)
            {
                related = related.Append(database.Parent);
            }

            foreach (var other in related)
            {
                if (!resources.Contains(other))
                {
                    throw new InvalidOperationException($"'{resource.Name}' references '{other.Name}', which is not part of the application.");
                }

                if (other == resource)
                {
                    throw new InvalidOperationException($"'{resource.Name}' cannot reference or wait for itself.");
                }
            }
        }
    }
}
