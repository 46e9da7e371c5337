using SecureRag.Hosting.ApplicationModel;
using SecureRag.Hosting.Orchestration;

namespace SecureRag.Hosting.Projects;

/// <summary>Where a project and its build output are.</summary>
internal static class ProjectLayout
{
    public static string ProjectFile(ProjectResource project, string repositoryRoot) =>
        Path.GetFullPath(Path.IsPathRooted(project.ProjectPath) ? project.ProjectPath : Path.Combine(repositoryRoot, project.ProjectPath));

    /// <summary><c>{projectDir}/bin/{Configuration}/{tfm}/{ProjectName}.dll</c>.</summary>
    public static string EntryAssembly(ProjectResource project, string repositoryRoot, string configuration)
    {
        var projectFile = ProjectFile(project, repositoryRoot);
        return Path.Combine(
            Path.GetDirectoryName(projectFile)!, "bin", configuration, BuildInfo.TargetFramework,
            Path.GetFileNameWithoutExtension(projectFile) + ".dll");
    }
}
