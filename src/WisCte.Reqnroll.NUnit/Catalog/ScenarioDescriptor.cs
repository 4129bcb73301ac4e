namespace WisCte.Reqnroll.NUnit.Catalog;

/// <summary>
/// An immutable plan for one NUnit test: a scenario, or one Examples row of a Scenario Outline.
/// Runtime objects (ScenarioInfo, Table) are made fresh from it for every execution.
/// </summary>
public sealed record ScenarioDescriptor
{
    /// <summary>
    /// The name NUnit shows: the title; for an outline row, the title with its &lt;placeholders&gt; filled in, or, when
    /// it has none, the title plus <c>[column=value, …]</c>. Made unique within the feature with a <c>#2</c> suffix.
    /// </summary>
    public required string DisplayName { get; init; }

    /// <summary>The raw scenario title, placeholders left in, as Reqnroll's generator passes it.</summary>
    public required string Title { get; init; }

    public string? Description { get; init; }

    /// <summary>Position of this scenario's pickle in the feature's pickle list, as Reqnroll's tracker expects.</summary>
    public required string PickleIndex { get; init; }

    /// <summary>Scenario tags, plus the tags of its Examples block (without <c>@</c>).</summary>
    public required IReadOnlyList<string> Tags { get; init; }

    /// <summary>Feature tags, and rule tags for a scenario inside a Rule.</summary>
    public required IReadOnlyList<string> InheritedTags { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> Arguments { get; init; } = [];

    public string? RuleTitle { get; init; }
    public string? RuleDescription { get; init; }
    public IReadOnlyList<string> RuleTags { get; init; } = [];

    /// <summary>Feature background, rule background, then scenario steps: the pickle's order, which the report tracker requires.</summary>
    public required IReadOnlyList<StepDescriptor> Steps { get; init; }

    /// <summary>Set from the feature's, rule's, scenario's and Examples' tags; NUnit never runs an ignored test.</summary>
    public bool IsIgnored { get; init; }

    /// <summary>Every tag that applies, for NUnit categories and filters.</summary>
    public IEnumerable<string> AllTags => InheritedTags.Concat(Tags).Distinct(StringComparer.Ordinal);

    public override string ToString() => DisplayName;
}
