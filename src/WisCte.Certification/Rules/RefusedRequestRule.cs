using System.Text.RegularExpressions;

namespace WisCte.Certification.Rules;

/// <summary>
/// Every write WISEdata refused is a finding, named by why: a DPI L1 rule ([WI-L1-…]), a child sent before its
/// parent (409 unresolved reference), a parent deleted before its children (409 dependent item), a key change, an
/// unknown descriptor, or another refusal.
/// </summary>
public sealed partial class RefusedRequestRule : ICertificationRule
{
    public const string ParentFirst = "CERT-PARENT-FIRST";
    public const string ChildrenDeletedFirst = "CERT-DELETE-CHILDREN-FIRST";
    public const string KeyChange = "CERT-KEY-CHANGE";
    public const string Descriptor = "CERT-DESCRIPTOR";
    public const string Refused = "CERT-REFUSED";

    public string Id => "CERT-REFUSED-*";

    public string Why => "A conforming SIS sends what WISEdata accepts: each refusal shows a record DPI did not get as the use case documents it.";

    public IEnumerable<Finding> Judge(JudgementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var exchange in context.Exchanges.Where(e => e.IsData && e.Method is "POST" or "PUT" or "DELETE" && e.IsClientError))
        {
            var what = $"{exchange.Method} {exchange.Resource} was refused with {exchange.Status} {exchange.ProblemType}";
            var dpiRules = exchange.ValidationMessages.Select(m => DpiRule().Match(m)).Where(m => m.Success).Select(m => m.Groups["rule"].Value).Distinct(StringComparer.Ordinal).ToList();
            var reasons = dpiRules.Count > 0
                ? dpiRules.Select(r => (Rule: r, Text: $"{what}: DPI rule {r}: {string.Join("; ", exchange.ValidationMessages.Where(m => m.Contains(r, StringComparison.Ordinal)))}"))
                : [Classify(exchange, what)];
            foreach (var (rule, text) in reasons)
            {
                foreach (var finding in context.For(exchange.Resource, rule, text, exchange.Sequence))
                    yield return finding;
            }
        }
    }

    private static (string, string) Classify(Exchange exchange, string what) => exchange.ProblemType switch
    {
        "urn:ed-fi:api:data-conflict:unresolved-reference" => (ParentFirst, $"{what}: it names a record WISEdata does not have yet: parents must be sent before their children."),
        "urn:ed-fi:api:data-conflict:dependent-item-exists" => (ChildrenDeletedFirst, $"{what}: records still reference it: delete children before their parents."),
        "urn:ed-fi:api:bad-request:data-validation-failed:key-change-not-supported" => (KeyChange, $"{what}: its identifying values cannot change in place (delete and re-create, as DPI's use case 15.2 says)."),
        _ when exchange.ValidationMessages.Any(m => m.Contains("does not exist", StringComparison.Ordinal) && m.Contains("Descriptor", StringComparison.Ordinal)) =>
            (Descriptor, $"{what}: {string.Join("; ", exchange.ValidationMessages.Where(m => m.Contains("does not exist", StringComparison.Ordinal)))}"),
        _ => (Refused, $"{what}: {string.Join("; ", exchange.ValidationMessages.DefaultIfEmpty(exchange.Response?["detail"]?.ToString() ?? ""))}"),
    };

    [GeneratedRegex(@"\[(?<rule>WI-L1-[A-Z0-9-]+)\]", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DpiRule();
}
