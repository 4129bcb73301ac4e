namespace WisCte.EdFi.Model;

/// <summary>An Ed-Fi resource: its endpoint, natural key, shape and who may write it.</summary>
public sealed class ResourceSchema
{
    /// <summary>The endpoint name under /data/v3/ed-fi/, e.g. <c>studentCTEProgramAssociations</c>.</summary>
    public required string Endpoint { get; init; }

    /// <summary>The singular name Ed-Fi messages use, e.g. <c>StudentCTEProgramAssociation</c>.</summary>
    public required string ResourceName { get; init; }

    /// <summary>Natural-key paths, dotted without the leading <c>$.</c>, e.g. <c>studentReference.studentUniqueId</c>.</summary>
    public required IReadOnlyList<string> IdentityPaths { get; init; }

    /// <summary>
    /// Each identity path's ODS column name, in the same order: what a reference to this resource names that member
    /// (<c>programEducationOrganizationId</c> for a program evaluation's <c>programReference.educationOrganizationId</c>).
    /// </summary>
    public IReadOnlyList<string> IdentityQueryNames { get; internal set; } = [];

    public bool AllowIdentityUpdates { get; init; }

    /// <summary>DPI's reference data (schools, courses, programs, descriptors) is read-only to SIS clients.</summary>
    public bool IsOwnedByDpi { get; init; }

    public required PropertySchema Root { get; init; }

    /// <summary>Key columns two references share (<c>schoolId</c> of a grade's grading period and section association).</summary>
    public IReadOnlyList<UnifiedKey> UnifiedKeys { get; init; } = [];

    public override string ToString() => Endpoint;
}
