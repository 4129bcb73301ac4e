namespace WisCte.Reqnroll.NUnit.Catalog;

/// <summary>One step of a scenario plan, with outline values already substituted.</summary>
/// <param name="Table">Header row first, then the body rows; null when the step has no data table.</param>
public sealed record StepDescriptor(
    StepKind Kind,
    string Keyword,
    string Text,
    string? DocString,
    IReadOnlyList<IReadOnlyList<string>>? Table);
