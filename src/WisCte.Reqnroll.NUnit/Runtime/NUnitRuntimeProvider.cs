using NUnit.Framework;
using Reqnroll;
using Reqnroll.UnitTestProvider;

namespace WisCte.Reqnroll.NUnit.Runtime;

/// <summary>
/// How Reqnroll reports pending, inconclusive and ignored steps through NUnit. Undefined and pending steps fail
/// the test: NUnit's Inconclusive shows as "skipped" and leaves the run green, which would hide a missing binding.
/// A project that wants them inconclusive says so in reqnroll.json (<c>missingOrPendingStepsOutcome</c>).
/// </summary>
public sealed class NUnitRuntimeProvider : IUnitTestRuntimeProvider
{
    public void TestPending(string message) => Assert.Fail(message);

    public void TestInconclusive(string message) => Assert.Inconclusive(message);

    public void TestIgnore(string message) => Assert.Ignore(message);

    public ScenarioExecutionStatus? DetectExecutionStatus(Exception exception) => exception switch
    {
        InconclusiveException or IgnoreException => ScenarioExecutionStatus.Skipped,
        _ => null,
    };
}
