using NUnit.Framework;
using Reqnroll;
using Reqnroll.BoDi;
using WisCte.Specs.Support;

namespace WisCte.Specs.Hooks;

/// <summary>The run's target (made once), and what a target cannot run (skipped, with the reason).</summary>
[Binding]
public sealed class RunHooks
{
    [BeforeTestRun]
    public static void StartTarget(IObjectContainer container)
    {
        ArgumentNullException.ThrowIfNull(container);
        var target = SuiteTarget.Start();
        container.RegisterInstanceAs(target, dispose: true);
        TestContext.Progress.WriteLine($"WisCte suite: running against {target.Settings}; ledger {target.Ledger.Path}");
    }

    [AfterTestRun]
    public static async Task FinishTarget(SuiteTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var cleanup = await target.FinishAsync().ConfigureAwait(false);
        if (cleanup is null)
            return;
        TestContext.Progress.WriteLine($"WisCte suite: cleaned up {cleanup.Deleted.Count} records ({cleanup.AlreadyGone.Count} already gone) from {target.Target.BaseUrl}.");
        if (!cleanup.Succeeded)
            throw new InvalidOperationException(
                $"Clean-up left {cleanup.Failed.Count} records; delete them with: wiscte cleanup --ledger {target.Ledger.Path}\n" +
                string.Join("\n", cleanup.Failed.Select(f => $"  {f.Entry.Resource}/{f.Entry.Id}: {f.Problem}")));
    }

    /// <summary>Scenarios that need what only the simulator gives (fault injection, L2 on demand, other school years) are skipped elsewhere, saying why.</summary>
    [BeforeScenario(Order = 0)]
    public static void SkipWhatTheTargetCannotRun(ScenarioContext scenario, SuiteTarget target, IReqnrollOutputHelper output)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(target);
        if (target.IsSimulator)
            return;
        var tags = scenario.ScenarioInfo.CombinedTags;
        string? reason = null;
        if (tags.Contains("simulator-only", StringComparer.OrdinalIgnoreCase))
            reason = "needs the simulator (fault injection or records only the simulator holds)";
        else if (tags.Contains("l2", StringComparer.OrdinalIgnoreCase) && !target.Settings.RunL2OnRealTarget)
            reason = "needs L2 validation on demand; set WISCTE_RUN_L2=true if the target offers WISEdata's validation add-on";
        else if (tags.Where(t => t.StartsWith("sy-", StringComparison.OrdinalIgnoreCase)).ToList() is { Count: > 0 } years
                 && !years.Contains($"sy-{target.Target.SchoolYear.EndYear}", StringComparer.OrdinalIgnoreCase))
            reason = $"applies to {string.Join(", ", years)}; the target serves {target.Target.SchoolYear}";
        if (reason is null)
            return;
        output.WriteLine($"Skipped against {target.Settings}: {reason}.");
        Assert.Ignore($"Skipped against {target.Settings}: {reason}.");
    }
}
