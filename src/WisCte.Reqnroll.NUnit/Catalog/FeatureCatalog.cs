using System.Collections.Concurrent;
using System.Reflection;

namespace WisCte.Reqnroll.NUnit.Catalog;

/// <summary>
/// The feature files embedded in a test assembly (resources named <c>reqnroll-feature:&lt;path&gt;</c>), parsed once
/// per process: Reqnroll needs one FeatureInfo instance per feature for the whole run.
/// </summary>
public static class FeatureCatalog
{
    public const string ResourcePrefix = "reqnroll-feature:";

    private static readonly ConcurrentDictionary<Assembly, Lazy<IReadOnlyList<FeatureDescriptor>>> Loaded = new();

    public static IReadOnlyList<FeatureDescriptor> For(Assembly testAssembly)
    {
        ArgumentNullException.ThrowIfNull(testAssembly);
        return Loaded.GetOrAdd(testAssembly, a => new Lazy<IReadOnlyList<FeatureDescriptor>>(() => Load(a))).Value;
    }

    private static List<FeatureDescriptor> Load(Assembly assembly)
    {
        var features = new List<FeatureDescriptor>();
        foreach (var resource in assembly.GetManifestResourceNames()
                     .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            features.Add(FeatureParser.Parse(resource[ResourcePrefix.Length..], reader.ReadToEnd()));
        }
        return DisambiguateFixtureNames(features);
    }

    // Two paths can map to one fixture name (json-samples / json_samples); NUnit needs unique names to re-run a test.
    private static List<FeatureDescriptor> DisambiguateFixtureNames(List<FeatureDescriptor> features)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<FeatureDescriptor>(features.Count);
        foreach (var feature in features)
        {
            var name = feature.FixtureName;
            for (var n = 2; !taken.Add(name); n++)
                name = feature.FixtureName + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            result.Add(feature with { FixtureName = name });
        }
        return result;
    }
}
