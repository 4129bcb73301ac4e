namespace WisCte.EdFi.ModelGenerator;

/// <summary>How the Ed-Fi ODS/API names JSON members, endpoints and query parameters from the model's names.</summary>
public static class ApiNaming
{
    /// <summary>camelCase as the ODS writes it: a leading acronym is lowered whole (<c>CTEProgram</c> → <c>cteProgram</c>).</summary>
    public static string Camel(string pascal)
    {
        ArgumentException.ThrowIfNullOrEmpty(pascal);
        var upper = 0;
        while (upper < pascal.Length && char.IsUpper(pascal[upper]))
            upper++;
        if (upper <= 1)
            return char.ToLowerInvariant(pascal[0]) + pascal[1..];
        // "CTEProgram": the last capital starts the next word unless the name is all capitals.
        var cut = upper == pascal.Length ? upper : upper - 1;
        return pascal[..cut].ToLowerInvariant() + pascal[cut..];
    }

    public static string Pascal(string camel) => char.ToUpperInvariant(camel[0]) + camel[1..];

    /// <summary>English plural of the last word, with the few irregular nouns of the data standard.</summary>
    public static string Plural(string name)
    {
        foreach (var (singular, plural) in Irregular)
        {
            if (name.EndsWith(singular, StringComparison.Ordinal))
                return name[..^singular.Length] + plural;
        }
        if (name.EndsWith("ss", StringComparison.Ordinal) || name.EndsWith("us", StringComparison.Ordinal) ||
            name.EndsWith('x') || name.EndsWith("ch", StringComparison.Ordinal) || name.EndsWith("sh", StringComparison.Ordinal))
            return name + "es";
        if (name.EndsWith("is", StringComparison.Ordinal))
            return name[..^2] + "es";
        if (name.EndsWith('s'))
            return name;
        if (name.Length > 1 && name[^1] == 'y' && !"aeiou".Contains(name[^2], StringComparison.Ordinal))
            return name[..^1] + "ies";
        return name + "s";
    }

    private static readonly (string Singular, string Plural)[] Irregular =
    [
        ("Person", "People"), ("person", "people"), ("Criterion", "Criteria"), ("criterion", "criteria"), ("Matrix", "Matrices"), ("matrix", "matrices"),
    ];

    /// <summary>
    /// A role name prefixed to a column, without repeating it when the column already starts with it
    /// (role <c>GradingPeriod</c> + <c>GradingPeriodName</c> is <c>GradingPeriodName</c>), nor the words they share.
    /// </summary>
    public static string WithRole(string role, string column)
    {
        if (role.Length == 0 || column.StartsWith(role, StringComparison.Ordinal))
            return column;
        // Words the role ends with and the column starts with are written once (ChartOfAccount + AccountIdentifier).
        var words = Words(role);
        for (var first = 0; first < words.Count; first++)
        {
            var overlap = string.Concat(words.Skip(first));
            if (column.Length > overlap.Length && column.StartsWith(overlap, StringComparison.Ordinal) && char.IsUpper(column[overlap.Length]))
                return role + column[overlap.Length..];
        }
        return role + column;
    }

    /// <summary>
    /// A member's name without the words of its owner's name that start it: the longest run of the owner's last
    /// words (EducationOrganization + EducationOrganizationCategory → Category; ObjectiveAssessment +
    /// AssessmentPerformanceLevel → PerformanceLevel; Language + LanguageUse → Use).
    /// </summary>
    public static string StripOwner(string itemName, string ownerName)
    {
        var words = Words(ownerName);
        for (var first = 0; first < words.Count; first++)
        {
            var suffix = string.Concat(words.Skip(first));
            if (itemName.Length > suffix.Length && itemName.StartsWith(suffix, StringComparison.Ordinal) && char.IsUpper(itemName[suffix.Length]))
                return itemName[suffix.Length..];
        }
        return itemName;
    }

    private static List<string> Words(string pascal)
    {
        var words = new List<string>();
        var start = 0;
        for (var i = 1; i < pascal.Length; i++)
        {
            var boundary = char.IsUpper(pascal[i]) && (char.IsLower(pascal[i - 1]) || (i + 1 < pascal.Length && char.IsLower(pascal[i + 1])));
            if (boundary)
            {
                words.Add(pascal[start..i]);
                start = i;
            }
        }
        words.Add(pascal[start..]);
        return words;
    }
}
