using Reqnroll;
using Reqnroll.Formatters.RuntimeSupport;

namespace WisCte.Reqnroll.NUnit.Catalog;

/// <summary>One feature file: its scenarios, or the reason it could not be loaded.</summary>
public sealed record FeatureDescriptor
{
    /// <summary>Path of the file relative to the repository (forward slashes), e.g. <c>features/dpi/samples.feature</c>.</summary>
    public required string Path { get; init; }

    /// <summary>The fixture name NUnit shows: the path as identifiers, e.g. <c>Dpi.SamplesFeature</c>.</summary>
    public required string FixtureName { get; init; }

    public string Title { get; init; } = "";

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The single FeatureInfo of this feature for the whole process: Reqnroll compares it by reference.</summary>
    public FeatureInfo? FeatureInfo { get; init; }

    /// <summary>The Source, GherkinDocument and Pickles published to the report for this feature.</summary>
    public IFeatureLevelCucumberMessages? Messages { get; init; }

    public IReadOnlyList<ScenarioDescriptor> Scenarios { get; init; } = [];

    /// <summary>Why the file could not be loaded (file, line and problem), or null.</summary>
    public string? LoadError { get; init; }

    public bool IsIgnored => Tags.Any(t => string.Equals(t, "ignore", StringComparison.OrdinalIgnoreCase));

    public override string ToString() => FixtureName;
}
