using System.Text.Json.Nodes;

namespace WisCte.ScriptedSis;

public static class Payloads
{
    public static JsonObject Absence(string student, string date) => ReferenceSis.Payloads.UseCasePayloads.AttendanceEvent(
        student, Plays.School, 2026, "2025-2026 School Calendar", DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
        "uri://ed-fi.org/AttendanceEventCategoryDescriptor#Excused Absence");
}
