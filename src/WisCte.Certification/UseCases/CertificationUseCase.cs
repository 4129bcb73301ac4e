namespace WisCte.Certification.UseCases;

/// <summary>What the SIS must have sent, accepted, for a use case: a check over the judged traffic.</summary>
/// <param name="RuleId">Stable id of the expectation, e.g. CERT-1.0-STATUS.</param>
public sealed record Expectation(string RuleId, string Description, Func<JudgementContext, IEnumerable<(string Message, long[] Entries)>> Check);

/// <summary>
/// A DPI use case as certification knows it: what the operator enters in the SIS (the scenario sheet, in DPI's words),
/// the resources it touches (findings about them belong to it), and what must arrive.
/// </summary>
public sealed record CertificationUseCase(
    string Id,
    string Title,
    IReadOnlyList<string> Resources,
    IReadOnlyList<string> Sheet,
    IReadOnlyList<Expectation> Expectations);
