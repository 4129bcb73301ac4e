using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using WisCte.Dpi;
using WisCte.Dpi.L2;
using WisCte.Simulator.Hosting;
using WisCte.Simulator.Pipeline;
using WisCte.Simulator.Validation;
using WisCte.EdFi.Model;

namespace WisCte.Simulator.Http;

/// <summary>
/// Modelled on WISEdata's validation add-on (ed-fi-xvalidations): <c>validate</c> runs DPI's L2 rules for the caller's
/// LEA and school year (WISEdata's nightly cycle, on demand); <c>validationResults</c> returns the latest run's results,
/// filterable by code, severity and student; <c>validationRules</c> lists the rules with their sources.
/// Routes: /validations/v1[/{schoolYear}]/ed-fi-xvalidations/… (bearer token of that year).
/// </summary>
internal sealed class ValidationEndpoint(SimulatorState state)
{
    private readonly ConcurrentDictionary<(long Lea, SchoolYear Year), ValidationRun> _latest = new();
    private long _runs;

    public SimResponse Handle(RequestContext context)
    {
        var (request, route, correlationId, year) = (context.Request, context.Route, context.CorrelationId, context.Year);
        var lea = context.Client.LocalEducationAgencyId;

        var response = route.Resource?.ToLowerInvariant() switch
        {
            "validate" => Validate(lea, year),
            "validationresults" => Results(request, lea, year, correlationId),
            "validationrules" => Rules(),
            _ => EdFiProblem.NotFound("The validation endpoints are validate, validationResults and validationRules.").ToResponse(correlationId),
        };
        return response;
    }

    /// <summary>Runs the L2 rules now and keeps the results as the LEA's latest run for the year.</summary>
    public IReadOnlyList<ValidationResult> Run(long lea, SchoolYear year)
    {
        var run = Compute(lea, year);
        Keep(run);
        return run.Results;
    }

    /// <summary>Runs the L2 rules over the LEA's data as it is now; runs are numbered as they start.</summary>
    public ValidationRun Compute(long lea, SchoolYear year)
    {
        var store = state.Year(year) ?? throw new ArgumentOutOfRangeException(nameof(year), year, "School year not served.");
        var number = Interlocked.Increment(ref _runs);
        var data = new StoreDataSet(store, lea, state.Schema);
        return new ValidationRun(number, lea, year, L2RuleSet.Dpi.Run(new L2Context(data, lea, year)));
    }

    /// <summary>
    /// Keeps a run's results as the latest unless a run that started later is kept already: a run over older data that
    /// finishes last must not replace newer results, or a client that wrote, then validated, could read results
    /// that predate its write (parallel scenarios of one LEA do exactly this).
    /// </summary>
    public void Keep(ValidationRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        _latest.AddOrUpdate((run.Lea, run.Year), run, (_, kept) => kept.Number > run.Number ? kept : run);
    }

    /// <summary>The latest kept run's results for the LEA and year (none before the first run).</summary>
    public IReadOnlyList<ValidationResult> Latest(long lea, SchoolYear year) =>
        _latest.TryGetValue((lea, year), out var run) ? run.Results : [];

    private SimResponse Validate(long lea, SchoolYear year)
    {
        var results = Run(lea, year);
        return SimResponse.Json(200, new JsonArray(new JsonObject
        {
            ["educationOrganizationReference"] = new JsonObject { ["educationOrganizationId"] = lea },
            ["triggeredValidation"] = true,
            ["validationAlreadyTriggered"] = false,
            ["errorTriggeringValidation"] = false,
            ["message"] = "Validation triggered successfully",
            ["resultCount"] = results.Count,
        }));
    }

    private SimResponse Results(SimRequest request, long lea, SchoolYear year, string correlationId)
    {
        var results = Latest(lea, year);
        var offset = 0;
        var limit = 500;
        if (request.QueryValue("offset") is { } o && (!int.TryParse(o, NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset < 0))
            return EdFiProblem.ParameterValidationFailed("Offset must be a numeric value greater than or equal to 0.").ToResponse(correlationId);
        if (request.QueryValue("limit") is { } l && (!int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 500))
            return EdFiProblem.ParameterValidationFailed("Limit must be omitted or set to a value between 1 and 500.").ToResponse(correlationId);
        var (code, severity, student) = (request.QueryValue("code"), request.QueryValue("severity"), request.QueryValue("studentUniqueId"));
        var filtered = results.Where(r =>
            (code is null || string.Equals(r.Code, code, StringComparison.OrdinalIgnoreCase))
            && (severity is null || string.Equals(r.Severity.ToString(), severity, StringComparison.OrdinalIgnoreCase))
            && (student is null || string.Equals(r.StudentUniqueId, student, StringComparison.Ordinal))).ToList();
        var page = new JsonArray([.. filtered.Skip(offset).Take(limit).Select(r => (JsonNode?)r.ToJson())]);
        return SimResponse.Json(200, page).WithHeader("Total-Count", filtered.Count.ToString(CultureInfo.InvariantCulture));
    }

    private static SimResponse Rules() =>
        SimResponse.Json(200, new JsonArray([.. L2RuleSet.Dpi.Rules.Select(r => (JsonNode?)new JsonObject
        {
            ["ruleId"] = r.Code,
            ["severity"] = r.Severity.ToString(),
            ["source"] = r.Source,
        })]));
}

/// <summary>One run of the L2 rules: its number (runs are numbered as they start) and its results.</summary>
internal sealed record ValidationRun(long Number, long Lea, SchoolYear Year, IReadOnlyList<ValidationResult> Results);
