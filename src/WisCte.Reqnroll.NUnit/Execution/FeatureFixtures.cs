using System.Reflection;
using NUnit.Framework;
using NUnit.Framework.Internal;
using WisCte.Reqnroll.NUnit.Catalog;

namespace WisCte.Reqnroll.NUnit.Execution;

/// <summary>One NUnit fixture per feature file, for <c>[TestFixtureSource]</c>.</summary>
public static class FeatureFixtures
{
    public static IEnumerable<TestFixtureData> From(Assembly testAssembly)
    {
        foreach (var feature in FeatureCatalog.For(testAssembly))
        {
            var data = new TestFixtureData(feature) { TestName = feature.FixtureName };
            data.Properties.Set(PropertyNames.Description, feature.Title);
            foreach (var tag in feature.Tags)
                data.Properties.Add(PropertyNames.Category, tag);
            if (feature.IsIgnored)
                data.Ignore("Ignored feature");
            yield return data;
        }
    }
}
