using System.Text.Json.Nodes;
using WisCte.EdFi;

namespace WisCte.Specs.Drivers;

/// <summary>The scenario student's absences (studentSchoolAttendanceEvents, negative attendance only), and their corrections.</summary>
public sealed class AttendanceDriver(SisDriver sis)
{
    private const string Resource = "studentSchoolAttendanceEvents";

    public Task<EdFiResponse> ReportAbsenceAsync(DateOnly date, string category) => sis.ReportAbsenceAsync(date, category);

    /// <summary>DPI's way (use case 15.2): the inaccurate record deleted, then one with the right date created.</summary>
    public async Task<EdFiResponse> CorrectByDeleteAndCreateAsync(DateOnly from, DateOnly to)
    {
        var absence = await AbsenceOnAsync(from);
        Setup.Succeeded(await sis.DeleteAsync(Resource, SisDriver.IdOf(absence)), $"DELETE the absence of {SisDriver.Iso(from)}");
        return await sis.ReportAbsenceAsync(to, absence["attendanceEventCategoryDescriptor"]!.GetValue<string>());
    }

    /// <summary>The mistake: the record read back, its date (part of its key) changed and PUT.</summary>
    public async Task<EdFiResponse> CorrectInPlaceAsync(DateOnly from, DateOnly to)
    {
        var absence = await AbsenceOnAsync(from);
        var id = SisDriver.IdOf(absence);
        foreach (var name in new[] { "id", "_etag", "_lastModifiedDate" })
            absence.Remove(name); // what the API adds to a record it returns, not part of what a SIS sends
        absence["eventDate"] = SisDriver.Iso(to);
        return await sis.PutAsync(Resource, id, absence);
    }

    /// <summary>The dates of the absences WISEdata holds for the student.</summary>
    public async Task<IReadOnlyList<string>> HeldDatesAsync() =>
        [.. (await sis.AllAsync(Resource)).Select(a => a["eventDate"]!.GetValue<string>())];

    private Task<JsonObject> AbsenceOnAsync(DateOnly date) =>
        sis.OneAsync(Resource, $"eventDate={SisDriver.Iso(date)}");
}
