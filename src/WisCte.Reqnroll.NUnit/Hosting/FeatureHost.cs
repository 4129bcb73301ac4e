// Compiled into every test assembly that runs feature files (see FeatureHost.targets), not into the adapter library:
// Reqnroll finds its runtime plugin and NUnit its SetUpFixture and feature fixtures in the test assembly itself.
using NUnit.Framework;
using Reqnroll.Plugins;
using WisCte.Reqnroll.NUnit.Catalog;
using WisCte.Reqnroll.NUnit.Execution;
using WisCte.Reqnroll.NUnit.Runtime;

[assembly: RuntimePlugin(typeof(NUnitAdapterRuntimePlugin))]

#pragma warning disable CA1050, MA0047 // The run-level hooks must be in the global namespace to enclose every fixture.
[SetUpFixture]
public sealed class ReqnrollTestRunHooks
{
    [OneTimeSetUp]
    public Task StartTestRunAsync() => ReqnrollTestRun.StartAsync(typeof(ReqnrollTestRunHooks).Assembly);

    [OneTimeTearDown]
    public Task EndTestRunAsync() => ReqnrollTestRun.EndAsync(typeof(ReqnrollTestRunHooks).Assembly);
}
#pragma warning restore CA1050, MA0047

namespace Features
{
    /// <summary>One fixture per embedded feature file; the fixture name is the file's path, e.g. <c>Features.Dpi.SamplesFeature</c>.</summary>
    [TestFixtureSource(typeof(FeatureFiles), nameof(All))]
    public sealed class FeatureFiles(FeatureDescriptor feature) : FeatureFixture(feature)
    {
        public static IEnumerable<TestFixtureData> All() => FeatureFixtures.From(typeof(FeatureFiles).Assembly);
    }
}
