namespace WisCte.Dpi.DataProperties;

/// <summary>The page's REQ'D / Optional / Conditional / NOT REQ'D columns.</summary>
public enum Requirement
{
    Required,
    Optional,
    Conditional,
    NotRequired,
}
