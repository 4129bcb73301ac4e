using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using WisCte.Simulator.Descriptors;
using WisCte.Simulator.Tests.Support;

namespace WisCte.Simulator.Tests;

/// <summary>
/// Every Ed-Fi DS 5.2 default descriptor value is served and accepted, except where WISEdata replaces a type's values
/// with DPI's namespace (fixtures/descriptors/wisedata-namespaces.json): there the Ed-Fi values do not exist (400, the
/// ODS's message for a descriptor it does not have) and DPI's do.
/// </summary>
public sealed class DescriptorDefaultsTests : SimulatorTestBase
{
    private const string EdFiPrefix = "uri://ed-fi.org/";

    private static readonly string[] DpiSourceFiles = ["cte-use-cases.dpi-page.txt", "wi-cte-rules.md"];

    /// <summary>One case per descriptor type in Ed-Fi's files (fixtures/edfi/ds-5.2/Descriptors/*.xml), read from the files themselves.</summary>
    public static IEnumerable<TestCaseData> Ds52Types() =>
        DescriptorFixtures.EdFiTypes.Select(t => new TestCaseData(t).SetArgDisplayNames(t));

    [TestCaseSource(nameof(Ds52Types))]
    public async Task A_ds52_descriptor_type_serves_all_of_edfis_defaults_unless_wisedata_gives_it_to_dpi(string type)
    {
        var defaults = DescriptorFixtures.EdFiDefaults(type);
        defaults.Should().NotBeEmpty();
        var endpoint = DescriptorFixtures.Endpoint(type);
        var catalogue = DescriptorCatalog.Embedded();

        if (!DescriptorFixtures.IsReplaced(type))
        {
            var served = await DescriptorFixtures.ReadAllAsync(Lea, endpoint);
            var edFi = served.Where(v => IsEdFi(v)).ToDictionary(Uri, StringComparer.Ordinal);
            edFi.Keys.Should().BeEquivalentTo(defaults.Select(d => d.Uri), $"GET {endpoint} lists every default of {type}, and no other Ed-Fi value");
            foreach (var value in defaults)
            {
                edFi[value.Uri]["shortDescription"]!.GetValue<string>().Should().Be(value.ShortDescription, value.Uri);
                var description = edFi[value.Uri]["description"]?.GetValue<string>();
                description.Should().Be(value.Description, value.Uri);
                catalogue.Find(type, value.Uri, Year(2026)).Outcome.Should().Be(DescriptorLookupOutcome.Valid, $"{value.Uri} is accepted in a body");
            }
            served.Where(v => !IsEdFi(v)).Select(Uri).Should().BeEquivalentTo(
                DescriptorFixtures.DpiValues(type).Where(v => v.IsValidIn(2026)).Select(v => v.Uri), "DPI's own values of a kept type are served beside Ed-Fi's");
            return;
        }

        var dpi = DescriptorFixtures.DpiValues(type);
        dpi.Should().NotBeEmpty($"a type given to DPI has DPI's values in descriptors/dpi.json");
        foreach (var year in Simulator.State.Options.AllSchoolYears)
        {
            var served = await DescriptorFixtures.ReadAllAsync(ClientFor(year.EndYear), endpoint);
            served.Should().NotContain(v => IsEdFi(v), $"WISEdata replaces Ed-Fi's {type} values with DPI's ({year})");
            served.Select(Uri).Should().BeEquivalentTo(dpi.Where(v => v.IsValidIn(year.EndYear)).Select(v => v.Uri), $"GET {endpoint} lists DPI's values valid in {year}");
        }
        foreach (var value in defaults)
            catalogue.Find(type, value.Uri, Year(2026)).Outcome.Should().Be(DescriptorLookupOutcome.Unknown, $"{value.Uri} does not exist in WISEdata");
    }

    [Test]
    public void Every_type_of_edfis_files_is_a_case_above_including_those_whose_file_is_named_otherwise()
    {
        Directory.GetFiles(DescriptorFixtures.EdFiDirectory, "*.xml").Should().HaveCount(202, "Ed-Fi-Data-Standard v5.2.0 ships 202 descriptor files");
        DescriptorFixtures.EdFiTypes.Should().HaveCount(202)
            .And.Contain(["SupporterMilitaryConnectionDescriptor", "TransportationPublicExpenseEligibilityTypeDescriptor", "CTEProgramServiceDescriptor"]);
        DescriptorCatalog.Embedded().Types.Should().Contain(DescriptorFixtures.EdFiTypes, "every file is embedded and loaded");
    }

    // ---- an Ed-Fi default a correct SIS sends is accepted ----

    [TestCase("State")]
    [TestCase("District")]
    [TestCase("Local")]
    public async Task A_student_identification_code_of_an_edfi_identification_system_is_accepted(string system)
    {
        var student = await EnrolledStudentAsync(Lea);

        var response = await Lea.PostAsync("studentEducationOrganizationAssociations", Association(student, $"uri://ed-fi.org/StudentIdentificationSystemDescriptor#{system}"));

        response.Code.Should().Be(201, response.ToString());
        (await Lea.GetAsync("studentEducationOrganizationAssociations/" + response.Id)).Json!["studentIdentificationCodes"]![0]!["studentIdentificationSystemDescriptor"]!
            .GetValue<string>().Should().Be($"uri://ed-fi.org/StudentIdentificationSystemDescriptor#{system}");
    }

    [Test]
    public async Task A_student_identification_system_ed_fi_does_not_have_is_refused()
    {
        var student = await EnrolledStudentAsync(Lea);
        const string wrong = "uri://ed-fi.org/StudentIdentificationSystemDescriptor#Statewide";

        var response = await Lea.PostAsync("studentEducationOrganizationAssociations", Association(student, wrong));

        response.Code.Should().Be(400);
        response.ProblemType.Should().Be("urn:ed-fi:api:bad-request:data-validation-failed");
        response.ValidationMessages.Should().ContainSingle().Which.Should()
            .Be($"$.studentIdentificationCodes[0].studentIdentificationSystemDescriptor: StudentIdentificationSystemDescriptor value '{wrong}' does not exist.");
    }

    [Test]
    public async Task A_country_descriptor_of_edfis_defaults_is_accepted_in_any_case_and_stored_as_ed_fi_spells_it()
    {
        var id = NewStudentId();
        var body = Student(id);
        body["birthCountryDescriptor"] = "uri://ed-fi.org/CountryDescriptor#us";

        var response = await Lea.PostAsync("students", body);

        response.Code.Should().Be(201, response.ToString());
        await EnrolAsync(Lea, id); // a SIS key reads a student enrolled at one of its schools
        (await Lea.GetAsync("students/" + response.Id)).Json!["birthCountryDescriptor"]!.GetValue<string>().Should().Be("uri://ed-fi.org/CountryDescriptor#US");
    }

    [TestCase("uri://ed-fi.org/CountryDescriptor#USA", TestName = "A country code Ed-Fi does not have is refused (USA)")]
    [TestCase("uri://dpi.wi.gov/CountryDescriptor#US", TestName = "A country code in DPI's namespace is refused: WISEdata keeps Ed-Fi's")]
    public async Task A_country_descriptor_not_in_the_catalogue_is_refused(string wrong)
    {
        var body = Student(NewStudentId());
        body["birthCountryDescriptor"] = wrong;

        var response = await Lea.PostAsync("students", body);

        response.Code.Should().Be(400);
        response.ValidationMessages.Should().ContainSingle().Which.Should().Be($"$.birthCountryDescriptor: CountryDescriptor value '{wrong}' does not exist.");
    }

    [Test]
    public void A_graduation_plan_type_of_edfis_defaults_exists_and_one_it_does_not_have_does_not()
    {
        var catalogue = DescriptorCatalog.Embedded();

        catalogue.Find("GraduationPlanTypeDescriptor", "uri://ed-fi.org/GraduationPlanTypeDescriptor#Recommended", Year(2026)).Outcome.Should().Be(DescriptorLookupOutcome.Valid);
        catalogue.Find("GraduationPlanTypeDescriptor", "uri://ed-fi.org/GraduationPlanTypeDescriptor#Honors", Year(2026)).Outcome.Should().Be(DescriptorLookupOutcome.Unknown);
    }

    // ---- a type WISEdata gives to DPI: Ed-Fi's value is refused as a descriptor that does not exist, DPI's accepted ----

    [Test]
    public async Task An_edfi_enrollment_type_is_refused_with_the_message_for_a_descriptor_that_does_not_exist_and_dpis_is_accepted()
    {
        var edFi = await EnrolmentAsync("uri://ed-fi.org/EnrollmentTypeDescriptor#Current");
        var unknown = await EnrolmentAsync("uri://dpi.wi.gov/EnrollmentTypeDescriptor#Current");
        var dpi = await EnrolmentAsync("uri://dpi.wi.gov/EnrollmentTypeDescriptor#P");

        edFi.Code.Should().Be(400);
        edFi.ProblemType.Should().Be("urn:ed-fi:api:bad-request:data-validation-failed");
        edFi.ValidationMessages.Should().ContainSingle().Which.Should()
            .Be("$.enrollmentTypeDescriptor: EnrollmentTypeDescriptor value 'uri://ed-fi.org/EnrollmentTypeDescriptor#Current' does not exist.");
        unknown.Code.Should().Be(400);
        unknown.ValidationMessages.Should().ContainSingle().Which.Should()
            .Be("$.enrollmentTypeDescriptor: EnrollmentTypeDescriptor value 'uri://dpi.wi.gov/EnrollmentTypeDescriptor#Current' does not exist.", "the same message as for any value that does not exist");
        dpi.Code.Should().Be(201, dpi.ToString());
    }

    [Test]
    public async Task An_edfi_attempt_status_is_refused_and_dpis_is_accepted()
    {
        var refusedStudent = await EnrolledStudentAsync(Lea);
        var body = Payloads.StudentSectionAssociation(refusedStudent);
        body["attemptStatusDescriptor"] = "uri://ed-fi.org/AttemptStatusDescriptor#Pass";

        var refused = await Lea.PostAsync("studentSectionAssociations", body);
        var accepted = await Lea.PostAsync("studentSectionAssociations", Payloads.StudentSectionAssociation(await EnrolledStudentAsync(Lea)));

        refused.Code.Should().Be(400);
        refused.ValidationMessages.Should().ContainSingle().Which.Should()
            .Be("$.attemptStatusDescriptor: AttemptStatusDescriptor value 'uri://ed-fi.org/AttemptStatusDescriptor#Pass' does not exist.");
        accepted.Code.Should().Be(201, accepted.ToString());
    }

    [Test]
    public async Task An_edfi_descriptor_of_a_replaced_type_is_not_served_at_its_endpoint_nor_found_by_its_namespace()
    {
        var served = await DescriptorFixtures.ReadAllAsync(Lea, "enrollmentTypeDescriptors");

        served.Select(Uri).Should().Contain("uri://dpi.wi.gov/EnrollmentTypeDescriptor#P").And.NotContain(u => u.StartsWith(EdFiPrefix, StringComparison.Ordinal));
        (await Lea.GetAsync("enrollmentTypeDescriptors", "namespace=uri://ed-fi.org/EnrollmentTypeDescriptor")).Json!.AsArray().Should().BeEmpty();
    }

    // ---- the table decides, and is checked ----

    [Test]
    public void The_table_alone_decides_a_type_given_back_to_ed_fi_accepts_edfis_values_again()
    {
        var table = Table(rows => Replace(rows, """{ "descriptor": "EnrollmentTypeDescriptor", "namespace": "ed-fi", "source": "test" }"""));

        var catalogue = DescriptorCatalog.Embedded(table);

        catalogue.Find("EnrollmentTypeDescriptor", "uri://ed-fi.org/EnrollmentTypeDescriptor#Current", Year(2026)).Outcome.Should().Be(DescriptorLookupOutcome.Valid);
        DescriptorCatalog.Embedded().Find("EnrollmentTypeDescriptor", "uri://ed-fi.org/EnrollmentTypeDescriptor#Current", Year(2026)).Outcome.Should().Be(DescriptorLookupOutcome.Unknown);
    }

    [Test]
    public void A_type_with_dpi_values_but_no_row_in_the_table_stops_the_simulator_from_starting()
    {
        var table = Table(rows => rows.Remove(rows.Single(r => r!["descriptor"]!.GetValue<string>() == "TermDescriptor")));

        var build = () => DescriptorCatalog.Embedded(table);

        build.Should().Throw<InvalidDataException>().WithMessage("*TermDescriptor has DPI values (uri://dpi.wi.gov) but no row*");
    }

    [Test]
    public void A_row_for_a_type_nobody_has_or_a_dpi_row_without_dpi_values_stops_the_simulator_from_starting()
    {
        var unknown = () => DescriptorCatalog.Embedded(Table(rows => Replace(rows, """{ "descriptor": "CountryOfOriginDescriptor", "namespace": "dpi", "source": "test" }""")));
        var noDpiValues = () => DescriptorCatalog.Embedded(Table(rows => Replace(rows, """{ "descriptor": "CountryDescriptor", "namespace": "dpi", "source": "test" }""")));

        unknown.Should().Throw<InvalidDataException>().WithMessage("*CountryOfOriginDescriptor is neither an Ed-Fi DS 5.2 descriptor type nor one of DPI's*");
        noDpiValues.Should().Throw<InvalidDataException>().WithMessage("*CountryDescriptor is given to DPI but DPI has no values for it*");
    }

    [TestCase("""{ "descriptor": "TermDescriptor", "namespace": "wi", "source": "test" }""", "*namespace 'wi' is neither \"ed-fi\" nor \"dpi\"*")]
    [TestCase("""{ "descriptor": "TermDescriptor", "namespace": "dpi" }""", "*has no 'source'*")]
    public void A_malformed_table_row_is_refused(string row, string message)
    {
        var load = () => Table(rows => Replace(rows, row));

        load.Should().Throw<InvalidDataException>().WithMessage(message);
    }

    [Test]
    public void A_type_with_two_rows_in_the_table_is_refused()
    {
        var load = () => Table(rows => rows.Add(JsonNode.Parse("""{ "descriptor": "programTypeDescriptor", "namespace": "ed-fi", "source": "test" }""")));

        load.Should().Throw<InvalidDataException>().WithMessage("*types[*]: programTypeDescriptor has a row already*");
    }

    [Test]
    public void The_embedded_catalogue_is_parsed_once_and_shared()
    {
        DescriptorCatalog.Embedded().Should().BeSameAs(DescriptorCatalog.Embedded());
        Simulator.State.Descriptors.Shared.Should().BeSameAs(DescriptorCatalog.Embedded(), "a simulator overlays its own posted values on the shared catalogue");
    }

    [Test]
    public void The_simulator_readme_lists_every_type_given_to_dpi_with_its_source_files()
    {
        var readme = File.ReadAllText(Path.Combine(DescriptorFixtures.RepositoryRoot, "src", "WisCte.Simulator", "README.md"));
        var section = readme[readme.IndexOf("## Descriptors: which Ed-Fi defaults WISEdata keeps and which it replaces", StringComparison.Ordinal)..];
        section = section[..(section.IndexOf("\n## ", 3, StringComparison.Ordinal) is var end and > 0 ? end : section.Length)];

        foreach (var (type, owner, source) in DescriptorFixtures.TableRows.Where(r => r.Namespace == "dpi"))
        {
            var line = section.Split('\n').FirstOrDefault(l => l.Contains($"`{type}`", StringComparison.Ordinal));
            line.Should().NotBeNull($"the README's table lists {type} ({owner})");
            foreach (var file in DpiSourceFiles.Where(f => source.Contains(f, StringComparison.Ordinal)))
                line.Should().Contain(file, $"the README gives {type}'s source as the table does");
        }
        section.Should().Contain("every other DS 5.2 type keeps Ed-Fi's defaults");
    }

    private static bool IsEdFi(JsonObject value) => value["namespace"]!.GetValue<string>().StartsWith(EdFiPrefix, StringComparison.Ordinal);

    private static string Uri(JsonObject value) => $"{value["namespace"]!.GetValue<string>()}#{value["codeValue"]!.GetValue<string>()}";

    private static JsonObject Association(string student, string identificationSystem) => new()
    {
        ["educationOrganizationReference"] = new JsonObject { ["educationOrganizationId"] = LeaId },
        ["studentReference"] = new JsonObject { ["studentUniqueId"] = student },
        ["studentIdentificationCodes"] = new JsonArray(new JsonObject
        {
            ["studentIdentificationSystemDescriptor"] = identificationSystem,
            ["assigningOrganizationIdentificationCode"] = "48856",
            ["identificationCode"] = "ID-" + student,
        }),
    };

    /// <summary>A new student enrolled at the public high school in 2025-26 with an enrollment type.</summary>
    private async Task<ApiResponse> EnrolmentAsync(string enrollmentType)
    {
        var student = NewStudentId();
        (await Lea.PostAsync("students", Student(student))).Code.Should201();
        return await Lea.PostAsync("studentSchoolAssociations", new JsonObject
        {
            ["studentReference"] = new JsonObject { ["studentUniqueId"] = student },
            ["schoolReference"] = new JsonObject { ["schoolId"] = PublicSchool },
            ["entryDate"] = "2025-08-26",
            ["entryGradeLevelDescriptor"] = "uri://ed-fi.org/GradeLevelDescriptor#Tenth grade",
            ["primarySchool"] = true,
            ["enrollmentTypeDescriptor"] = enrollmentType,
        });
    }

    /// <summary>The embedded table, its rows edited.</summary>
    private static WisedataNamespaces Table(Action<JsonArray> edit)
    {
        var table = JsonNode.Parse(Fixtures.Read("descriptors/wisedata-namespaces.json"))!.AsObject();
        edit(table["types"]!.AsArray());
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(table.ToJsonString()));
        return WisedataNamespaces.Load(stream, "test table");
    }

    /// <summary>Puts a row in place of the type's own (or adds it).</summary>
    private static void Replace(JsonArray rows, string rowJson)
    {
        var row = JsonNode.Parse(rowJson)!.AsObject();
        if (rows.FirstOrDefault(r => r!["descriptor"]!.GetValue<string>() == row["descriptor"]!.GetValue<string>()) is { } own)
            rows.Remove(own);
        rows.Add(row);
    }
}
