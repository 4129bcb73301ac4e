using FluentAssertions;
using NUnit.Framework;

namespace WisCte.Certification.Tests;

/// <summary>The hash a verdict names covers every feature file as it is in the repository, and the rules.</summary>
public sealed class SuiteIdentityTests
{
    [Test]
    public void The_hash_covers_every_feature_file_byte_for_byte()
    {
        var root = RepositoryRoot();
        var onDisk = Directory.EnumerateFiles(Path.Combine(root, "features"), "*.feature", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);

        var hashed = SuiteIdentity.Parts().Where(p => p.Name.StartsWith("features/", StringComparison.Ordinal)).ToDictionary(p => p.Name, p => p.Content, StringComparer.Ordinal);

        hashed.Keys.Should().BeEquivalentTo(onDisk.Keys);
        hashed.Should().AllSatisfy(p => p.Value.Should().Equal(onDisk[p.Key], "a changed feature file must change the hash"));
    }

    [Test]
    public void The_hash_covers_the_rules_and_dpis_tables_and_is_stable()
    {
        SuiteIdentity.Parts().Select(p => p.Name).Should().Contain(["certification rules", "L1 rules", "L2 rules", "dpi/programs.json", "dpi/data-properties.json"]);
        SuiteIdentity.Hash.Should().MatchRegex("^[0-9a-f]{64}$").And.Be(SuiteIdentity.Hash);
        SuiteIdentity.Summary.Should().Contain(SuiteIdentity.Version).And.Contain(SuiteIdentity.Hash[..12]);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WisCte.Conformance.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("The tests run from inside the repository.");
    }
}
