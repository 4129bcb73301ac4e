using WisCte.EdFi.Model;
using System.Text.Json.Nodes;
using NUnit.Framework;
using WisCte.Dpi;
using WisCte.Simulator.Auth;
using WisCte.Simulator.Hosting;

namespace WisCte.Simulator.Tests.Support;

/// <summary>
/// One simulator per test class, on its own port, with two clients: <see cref="Lea"/> for the baseline LEA 48856 and
/// <see cref="OtherLea"/> for LEA 99999, which owns none of the baseline's schools.
/// </summary>
public abstract class SimulatorTestBase
{
    public const long LeaId = WisCte.Dpi.Baseline.DpiBaseline.Lea;
    public const long PublicSchool = WisCte.Dpi.Baseline.DpiBaseline.HighSchool;
    public const long SecondPublicSchool = WisCte.Dpi.Baseline.DpiBaseline.MiddleHighSchool;
    public const long ChoiceSchool = WisCte.Dpi.Baseline.DpiBaseline.ChoiceSchool;

    protected WisedataSimulator Simulator { get; private set; } = null!;
    protected HttpClient Http { get; private set; } = null!;

    /// <summary>Default-year (2025-26) client for LEA 48856.</summary>
    protected TestClient Lea { get; private set; } = null!;

    protected TestClient OtherLea { get; private set; } = null!;

    protected virtual SimulatorOptions Options(SimulatorOptions defaults) => defaults;

    [OneTimeSetUp]
    public void StartSimulator()
    {
        Simulator = WisedataSimulator.Start(Options(new SimulatorOptions
        {
            Clients = [new ApiClient("lea-client", "lea-secret-123", LeaId), new ApiClient("other-client", "other-secret-456", 99999)],
        }));
        Http = new HttpClient();
        Lea = ClientFor(null);
        OtherLea = new TestClient(Http, Simulator.BaseUrl, "other-client", "other-secret-456");
    }

    [OneTimeTearDown]
    public void StopSimulator()
    {
        Http.Dispose();
        Simulator.Dispose();
    }

    /// <summary>A client of LEA 48856 for one school year's routes (/{year}/…), or the default year's.</summary>
    protected TestClient ClientFor(int? schoolYear) => new(Http, Simulator.BaseUrl, "lea-client", "lea-secret-123", schoolYear);

    private static int _students = 100_000;

    /// <summary>A new fictional student id, unique within the test run.</summary>
    protected static string NewStudentId() => Interlocked.Increment(ref _students).ToString(System.Globalization.CultureInfo.InvariantCulture);

    protected static JsonObject Student(string id) => new()
    {
        ["studentUniqueId"] = id,
        ["firstName"] = "Test",
        ["lastSurname"] = "Student" + id,
        ["birthDate"] = "2008-05-01",
    };

    /// <summary>Posts a student, enrols it at the public high school, returns the student id.</summary>
    protected static async Task<string> EnrolledStudentAsync(TestClient client, string grade = "Eleventh grade", int schoolYear = 2026, long school = PublicSchool)
    {
        var id = NewStudentId();
        (await client.PostAsync("students", Student(id))).Code.Should201();
        await EnrolAsync(client, id, grade, schoolYear, school);
        return id;
    }

    /// <summary>
    /// Enrols a student at a school (a studentSchoolAssociation from the start of the school year): what relates the
    /// student to the key's LEA, so that the key may read it and write its records, as in the ODS.
    /// </summary>
    protected static async Task EnrolAsync(TestClient client, string student, string grade = "Eleventh grade", int schoolYear = 2026, long school = PublicSchool) =>
        (await client.PostAsync("studentSchoolAssociations", Enrolment(student, school, $"{schoolYear - 1}-08-26", grade))).Code.Should201();

    protected static JsonObject Enrolment(string student, long school, string entryDate = "2025-08-26", string grade = "Eleventh grade") => new()
    {
        ["studentReference"] = new JsonObject { ["studentUniqueId"] = student },
        ["schoolReference"] = new JsonObject { ["schoolId"] = school },
        ["entryDate"] = entryDate,
        ["entryGradeLevelDescriptor"] = $"uri://ed-fi.org/GradeLevelDescriptor#{grade}",
    };

    protected static SchoolYear Year(int endYear) => new(endYear);
}

internal static class StatusAssertions
{
    public static void Should201(this int code)
    {
        if (code != 201)
            throw new AssertionException($"Expected 201 Created, got {code}.");
    }
}
