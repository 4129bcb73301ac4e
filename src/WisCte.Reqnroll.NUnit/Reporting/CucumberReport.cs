using System.Text;
using System.Text.Json.Nodes;

namespace WisCte.Reqnroll.NUnit.Reporting;

/// <summary>
/// A read of the NDJSON Cucumber messages the report is made from: which scenarios (pickles) it names, and for each
/// executed scenario the status of every step and hook and what was attached. Used to check the report itself.
/// </summary>
public sealed class CucumberReport
{
    private CucumberReport(
        IReadOnlyList<string> sources,
        IReadOnlyList<ReportPickle> pickles,
        IReadOnlyList<ReportExecution> executions,
        IReadOnlyList<ReportRunHook> runHooks,
        bool? success)
    {
        RunHooks = runHooks;
        Sources = sources;
        Pickles = pickles;
        Executions = executions;
        Success = success;
    }

    /// <summary>URIs of the feature files the report carries.</summary>
    public IReadOnlyList<string> Sources { get; }

    public IReadOnlyList<ReportPickle> Pickles { get; }

    /// <summary>One per executed test case (a scenario run).</summary>
    public IReadOnlyList<ReportExecution> Executions { get; }

    /// <summary>Test-run and feature hooks (Reqnroll reports [BeforeFeature] as BEFORE_TEST_RUN) with their method and status.</summary>
    public IReadOnlyList<ReportRunHook> RunHooks { get; }

    /// <summary>What testRunFinished says, or null if the run never finished (the file was not closed properly).</summary>
    public bool? Success { get; }

    public static CucumberReport Load(string path)
    {
        var envelopes = File.ReadLines(path)
            .Where(l => !string.IsNullOrWhiteSpace(l))
            .Select((line, i) => JsonNode.Parse(line) as JsonObject
                ?? throw new InvalidDataException($"{path}:{i + 1}: not a JSON object"))
            .ToList();
        IEnumerable<JsonObject> All(string type) => envelopes.Select(e => e[type]).OfType<JsonObject>();
        static string Str(JsonNode? node) => node?.GetValue<string>() ?? "";

        var pickles = All("pickle").Select(p => new ReportPickle(
            Str(p["id"]), Str(p["name"]), Str(p["uri"]),
            [.. (p["tags"]?.AsArray() ?? []).Select(t => Str(t?["name"]))],
            [.. (p["steps"]?.AsArray() ?? []).Select(s => (Str(s?["id"]), Str(s?["text"])))])).ToList();
        var pickleById = pickles.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var pickleStepText = pickles.SelectMany(p => p.Steps).ToDictionary(s => s.Id, s => s.Text, StringComparer.Ordinal);
        var hooks = All("hook").ToDictionary(h => Str(h["id"]), StringComparer.Ordinal);
        var hookType = hooks.ToDictionary(h => h.Key, h => Str(h.Value["type"]), StringComparer.Ordinal);
        var testCases = All("testCase").ToDictionary(t => Str(t["id"]), StringComparer.Ordinal);

        var statuses = All("testStepFinished").ToLookup(
            f => Str(f["testCaseStartedId"]),
            f => (StepId: Str(f["testStepId"]), Status: Str(f["testStepResult"]?["status"]), Message: f["testStepResult"]?["message"]?.GetValue<string>()),
            StringComparer.Ordinal);
        var attachments = All("attachment").Where(a => a["testCaseStartedId"] is not null)
            .ToLookup(a => Str(a["testCaseStartedId"]), ToAttachment, StringComparer.Ordinal);

        var executions = new List<ReportExecution>();
        foreach (var started in All("testCaseStarted"))
        {
            var startedId = Str(started["id"]);
            var testCase = testCases[Str(started["testCaseId"])];
            var pickle = pickleById[Str(testCase["pickleId"])];
            var stepById = (testCase["testSteps"]?.AsArray() ?? []).OfType<JsonObject>().ToDictionary(
                step => Str(step["id"]),
                step => step["hookId"] is { } hookId
                    ? (IsHook: true, Text: hookType.GetValueOrDefault(Str(hookId), "HOOK"))
                    : (IsHook: false, Text: pickleStepText[Str(step["pickleStepId"])]),
                StringComparer.Ordinal);
            // In the order they finished: a block or step hook runs, and is reported, once per block or step.
            var steps = statuses[startedId].Select(f => new ReportStep(stepById[f.StepId].IsHook, stepById[f.StepId].Text, f.Status, f.Message)).ToList();
            executions.Add(new ReportExecution(pickle, steps, [.. attachments[startedId]]));
        }

        // Reqnroll 3.3.4 reports a failed [BeforeFeature] hook as finished once per scenario it fails: keep the last.
        var runHookStatus = All("testRunHookFinished")
            .GroupBy(f => Str(f["testRunHookStartedId"]), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Str(g.Last()["result"]?["status"]), StringComparer.Ordinal);
        var runHooks = All("testRunHookStarted").Select(started =>
        {
            var hook = hooks[Str(started["hookId"])];
            return new ReportRunHook(
                Str(hook["type"]),
                Str(hook["sourceReference"]?["javaMethod"]?["methodName"]),
                runHookStatus.GetValueOrDefault(Str(started["id"]), "NOT_FINISHED"));
        }).ToList();

        var finishedRun = All("testRunFinished").FirstOrDefault();
        return new CucumberReport(
            [.. All("source").Select(s => Str(s["uri"]))], pickles, executions, runHooks, finishedRun?["success"]?.GetValue<bool>());
    }

    private static ReportAttachment ToAttachment(JsonObject attachment)
    {
        var body = attachment["body"]?.GetValue<string>() ?? "";
        var encoding = attachment["contentEncoding"]?.GetValue<string>();
        var text = string.Equals(encoding, "BASE64", StringComparison.Ordinal) ? Encoding.UTF8.GetString(Convert.FromBase64String(body)) : body;
        return new ReportAttachment(
            attachment["mediaType"]?.GetValue<string>() ?? "", attachment["fileName"]?.GetValue<string>(), text);
    }
}

public sealed record ReportPickle(
    string Id, string Name, string Uri, IReadOnlyList<string> Tags, IReadOnlyList<(string Id, string Text)> Steps);

/// <param name="IsHook">A hook (its text is the hook type, e.g. BEFORE_TEST_CASE) rather than a step.</param>
/// <param name="Status">PASSED, FAILED, SKIPPED, UNDEFINED, PENDING, AMBIGUOUS, …</param>
public sealed record ReportStep(bool IsHook, string Text, string Status, string? Message);

public sealed record ReportRunHook(string Type, string Method, string Status);

public sealed record ReportAttachment(string MediaType, string? FileName, string Text);

public sealed record ReportExecution(ReportPickle Pickle, IReadOnlyList<ReportStep> Steps, IReadOnlyList<ReportAttachment> Attachments)
{
    public IEnumerable<ReportStep> ScenarioSteps => Steps.Where(s => !s.IsHook);
}
