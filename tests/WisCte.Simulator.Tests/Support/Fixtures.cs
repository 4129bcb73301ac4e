using WisCte.Reqnroll.NUnit.Reporting;

namespace WisCte.Simulator.Tests.Support;

/// <summary>Files under the repository's fixtures/ folder.</summary>
public static class Fixtures
{
    public static string Read(string relativePath)
    {
        var root = LivingDocOptions.FindRepositoryRoot(AppContext.BaseDirectory)
                   ?? throw new InvalidOperationException("Run the tests from within the repository.");
        return File.ReadAllText(Path.Combine(root, "fixtures", relativePath));
    }
}
