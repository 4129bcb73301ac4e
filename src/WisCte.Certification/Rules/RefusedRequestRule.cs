using System.Text.RegularExpressions;
using WisCte.EdFi.Model;

namespace WisCte.Certification.Rules;

/// <summary>
/// Every write WISEdata refused is a finding, named by why: a DPI L1 rule ([WI-L1-…]), a child sent before its
/// parent (409 unresolved reference, the parent accepted later), a reference to a record that never exists (409
/// unresolved reference, no such record ever sent: a wrong key, another school year's section, another
/// organisation's program), a parent deleted before its children (409 dependent item), a key change, an unknown
/// descriptor, or another refusal.
/// </summary>
public sealed partial class RefusedRequestRule : ICertificationRule
{
    /// <summary>The causes it tells apart; DPI's L1 rules (WI-L1-…) are named by the rule WISEdata quoted.</summary>
    public IReadOnlyList<RuleEntry> Entries { get; } =
    [
        RuleCatalog.ParentFirst, RuleCatalog.Reference, RuleCatalog.DeleteChildrenFirst, RuleCatalog.KeyChange, RuleCatalog.Descriptor, RuleCatalog.Refused,
        .. RuleCatalog.All.Where(e => e.Id.StartsWith("WI-L1-", StringComparison.Ordinal)),
    ];

    public RuleJudge Start(JudgementContext context) => new Judge(context);

    /// <summary>Refusals are kept (they are findings) and named at the end, when the whole journal says what was sent later.</summary>
    private sealed class Judge(JudgementContext context) : RuleJudge(context)
    {
        private readonly List<Exchange> _refused = [];

        public override void Observe(Exchange exchange)
        {
            if (exchange.IsData && exchange.Method is "POST" or "PUT" or "DELETE" && exchange.IsClientError)
                _refused.Add(exchange);
        }

        protected override void Conclude()
        {
            foreach (var exchange in _refused)
            {
                var what = $"{exchange.Method} {exchange.Resource} was refused with {exchange.Status} {exchange.ProblemType}";
                var dpiRules = exchange.ValidationMessages.Select(m => DpiRule().Match(m)).Where(m => m.Success).Select(m => m.Groups["rule"].Value).Distinct(StringComparer.Ordinal).ToList();
                var reasons = dpiRules.Count > 0
                    ? dpiRules.Select(r => (Rule: RuleCatalog.Find(r) ?? UnknownDpiRule(r), Text: $"{what}: DPI rule {r}: {string.Join("; ", exchange.ValidationMessages.Where(m => m.Contains(r, StringComparison.Ordinal)))}"))
                    : [Classify(exchange, what)];
                foreach (var (rule, text) in reasons)
                    Report(exchange.Resource, rule, text, exchange.Sequence);
            }
        }

        private (RuleEntry, string) Classify(Exchange exchange, string what) => exchange.ProblemType switch
        {
            "urn:ed-fi:api:data-conflict:unresolved-reference" when SentLater(exchange) =>
                (RuleCatalog.ParentFirst, $"{what}: it names a record WISEdata did not have yet, which the SIS sent later: parents must be sent before their children."),
            "urn:ed-fi:api:data-conflict:unresolved-reference" =>
                (RuleCatalog.Reference, $"{what}: {exchange.Response?["detail"]} The SIS never sent such a record in this run: check the reference's identifying values (a typo, another school year's section or session, a program of another organisation)."),
            "urn:ed-fi:api:data-conflict:dependent-item-exists" => (RuleCatalog.DeleteChildrenFirst, $"{what}: records still reference it: delete children before their parents."),
            "urn:ed-fi:api:bad-request:data-validation-failed:key-change-not-supported" => (RuleCatalog.KeyChange, $"{what}: its identifying values cannot change in place (delete and re-create, as DPI's use case 15.2 says)."),
            _ when exchange.ValidationMessages.Any(m => m.Contains("does not exist", StringComparison.Ordinal) && m.Contains("Descriptor", StringComparison.Ordinal)) =>
                (RuleCatalog.Descriptor, $"{what}: {string.Join("; ", exchange.ValidationMessages.Where(m => m.Contains("does not exist", StringComparison.Ordinal)))}"),
            _ => (RuleCatalog.Refused, $"{what}: {string.Join("; ", exchange.ValidationMessages.DefaultIfEmpty(exchange.Response?["detail"]?.ToString() ?? ""))}"),
        };

        /// <summary>Whether a record the refused body references was first accepted after the refusal (an ordering mistake, not a wrong reference).</summary>
        private bool SentLater(Exchange refused)
        {
            if (refused.Request is null || Context.Schema.Find(refused.Resource!) is not { } schema)
                return false;
            var year = refused.Route.Year?.EndYear;
            foreach (var reference in BodyBinder.Bind(schema.Root, refused.Request).References)
            {
                foreach (var target in Context.Schema.TargetsOf(reference.ReferenceName))
                {
                    if (Context.Schema.Find(target) is { } targetSchema && NaturalKey.OfReference(targetSchema, reference.Fields) is { } key
                        && Context.FinalState.FirstWriteOf(year, target, key) is { } at && at > refused.Sequence)
                        return true;
                }
            }
            return false;
        }
    }

    /// <summary>A DPI rule a proxied WISEdata quoted that the catalogue does not know: still a refusal, named as WISEdata named it.</summary>
    private static RuleEntry UnknownDpiRule(string id) =>
        new(id, Cause.Content, Basis.Refusal, "400", "A DPI L1 rule WISEdata quoted in its refusal (not in this suite's catalogue).");

    [GeneratedRegex(@"\[(?<rule>WI-L1-[A-Z0-9-]+)\]", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DpiRule();
}
