using WisCte.Reqnroll.NUnit.Reporting;

namespace WisCte.Simulator.Tests.Support;

/// <summary>Files under the repository's fixtures/ folder.</summary>
public static class Fixtures
{
    /// <summary>The repository's root folder.</summary>
    public static readonly string Root = LivingDocOptions.FindRepositoryRoot(AppContext.BaseDirectory)
                                         ?? throw new InvalidOperationException("Run the tests from within the repository.");

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, "fixtures", relativePath));
}
