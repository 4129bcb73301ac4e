using Reqnroll;

namespace WisCte.Reqnroll.NUnit.Samples.Steps;

/// <summary>Bindings that fail on purpose, each scoped to the one sample feature that expects it.</summary>
[Binding]
public sealed class OutcomeSteps
{
    [Given("a step still being written")]
    public static void Pending() => throw new PendingStepException();

    [Given("a step bound twice")]
    [Scope(Tag = "outcome-ambiguous")]
    public static void BoundOnce()
    {
    }

    [Given("^a step bound (twice)$")]
    [Scope(Tag = "outcome-ambiguous")]
    public static void BoundTwice(string word) => _ = word;

    [BeforeFeature("outcome-before-feature-hook")]
    public static void FailingBeforeFeature() => throw new InvalidOperationException("before-feature hook failed on purpose");

    [BeforeScenario("outcome-before-scenario-hook")]
    public static void FailingBeforeScenario() => throw new InvalidOperationException("before-scenario hook failed on purpose");

    [AfterScenario("outcome-after-scenario-hook")]
    public static void FailingAfterScenario() => throw new InvalidOperationException("after-scenario hook failed on purpose");
}
