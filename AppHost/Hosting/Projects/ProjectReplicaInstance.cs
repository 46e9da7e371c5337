using SecureRag.Hosting.ApplicationModel;
using SecureRag.Hosting.Orchestration;

namespace SecureRag.Hosting.Projects;

/// <summary>
/// One replica of a project: <c>dotnet {dll}</c> in the project folder, healthy when <c>GET /health</c> on its http
/// endpoint answers 200, restarted with back-off when it crashes.
/// </summary>
internal sealed class ProjectReplicaInstance(ProjectResource project, int replica, OrchestratorContext context)
    : InstanceRunner(project.Name, InstanceNameOf(project, replica), context)
{
    protected override bool RestartOnCrash => true;

    private ReplicaPorts Ports => Context.Addresses.Replicas[project.Name][replica];

    protected override IReadOnlyDictionary<string, Uri> Endpoints => Ports.Endpoints;

    public static string InstanceNameOf(ProjectResource project, int replica) => $"{project.Name}-{replica}";

    protected override Task<ProcessSpec> PrepareAsync(CancellationToken cancellationToken)
    {
        var configuration = Context.Options.BuildConfiguration ?? BuildInfo.Configuration;
        var assembly = ProjectLayout.EntryAssembly(project, Context.RepositoryRoot, configuration);
        if (!File.Exists(assembly))
        {
            throw new FileNotFoundException(
                $"The build output of project '{project.Name}' is missing: {assembly}. Build it first (dotnet build AppHost -c {configuration}), "
                + "or set AppHost:BuildConfiguration to the configuration you built.", assembly);
        }

        return Task.FromResult(new ProcessSpec
        {
            FileName = BuildInfo.DotnetHost,
            Arguments = [assembly],
            WorkingDirectory = Path.GetDirectoryName(ProjectLayout.ProjectFile(project, Context.RepositoryRoot))!,
            Environment = ProjectEnvironment.Build(project, replica, InstanceName, Context),
            RemoveInheritedPrefixes = ProjectEnvironment.RemovedPrefixes,
        });
    }

    protected override async Task<bool> ProbeAsync(CancellationToken cancellationToken)
    {
        using var response = await Context.ProbeClient.GetAsync(new Uri(Ports.HttpUri, "/health"), cancellationToken).ConfigureAwait(false);
        return response.StatusCode == System.Net.HttpStatusCode.OK;
    }
}
