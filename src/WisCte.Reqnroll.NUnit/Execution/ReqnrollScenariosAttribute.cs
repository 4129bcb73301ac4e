using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Builders;
using WisCte.Reqnroll.NUnit.Catalog;

namespace WisCte.Reqnroll.NUnit.Execution;

/// <summary>
/// Makes one NUnit test per scenario (and per outline example row) of the fixture's feature. This is the
/// extension point NUnit's own TestCaseSource uses; it can read the fixture's argument, a static source cannot.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class ReqnrollScenariosAttribute : NUnitAttribute, ITestBuilder, IImplyFixture
{
    public const string LoadErrorTestName = "Feature file could not be loaded";
    private readonly NUnitTestCaseBuilder _builder = new();

    public IEnumerable<TestMethod> BuildFrom(IMethodInfo method, Test? suite)
    {
        if (suite?.Arguments is not [FeatureDescriptor feature])
            yield break; // the unparameterised template fixture

        if (feature.LoadError is not null)
        {
            yield return LoadErrorTest(method, suite, feature);
            yield break;
        }

        foreach (var scenario in feature.Scenarios)
        {
            var parameters = new TestCaseParameters([scenario]) { TestName = scenario.DisplayName };
            if (!string.IsNullOrWhiteSpace(scenario.Description))
                parameters.Properties.Set(PropertyNames.Description, scenario.Description.Trim());
            foreach (var tag in scenario.AllTags)
                parameters.Properties.Add(PropertyNames.Category, tag);
            if (scenario.IsIgnored)
            {
                parameters.RunState = RunState.Ignored;
                parameters.Properties.Set(PropertyNames.SkipReason, "Ignored scenario");
            }
            yield return _builder.BuildTestMethod(method, suite, parameters);
        }
    }

    // A file that does not load must fail the run; a discovery exception would be "no test is available", exit code 0.
    private TestMethod LoadErrorTest(IMethodInfo method, Test suite, FeatureDescriptor feature)
    {
        var placeholder = new ScenarioDescriptor
        {
            DisplayName = LoadErrorTestName,
            Title = LoadErrorTestName,
            PickleIndex = "0",
            Tags = [],
            InheritedTags = [],
            Steps = [],
        };
        var parameters = new TestCaseParameters([placeholder]) { TestName = LoadErrorTestName };
        parameters.RunState = RunState.NotRunnable;
        parameters.Properties.Set(PropertyNames.SkipReason, feature.LoadError!);
        return _builder.BuildTestMethod(method, suite, parameters);
    }
}
