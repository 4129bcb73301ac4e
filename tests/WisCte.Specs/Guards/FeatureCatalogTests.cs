using FluentAssertions;
using NUnit.Framework;
using WisCte.Reqnroll.NUnit.Catalog;

namespace WisCte.Specs.Guards;

/// <summary>A build that embeds no feature file would pass with nothing run; this makes that a failure.</summary>
public sealed class FeatureCatalogTests
{
    [Test]
    public void The_suite_embeds_the_feature_files_of_features_folder()
    {
        var features = FeatureCatalog.For(typeof(FeatureCatalogTests).Assembly);

        features.Should().NotBeEmpty();
        features.Should().OnlyContain(f => f.Path.StartsWith("features/", StringComparison.Ordinal));
        features.SelectMany(f => f.Scenarios).Should().NotBeEmpty();
    }
}
