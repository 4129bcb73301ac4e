using FluentAssertions;
using NUnit.Framework;

namespace WisCte.EdFi.ModelGenerator.Tests;

/// <summary>The ODS's naming rules, each with names from the data standard where it applies and where it does not.</summary>
public sealed class ApiNamingTests
{
    [TestCase("CTEProgramService", "cteProgramService")]
    [TestCase("URI", "uri")]
    [TestCase("SchoolId", "schoolId")]
    [TestCase("IEPBeginDate", "iepBeginDate")]
    public void Camel_lowers_a_leading_acronym_whole(string pascal, string camel) => ApiNaming.Camel(pascal).Should().Be(camel);

    [TestCase("Address", "Addresses")]
    [TestCase("Category", "Categories")]
    [TestCase("Diagnosis", "Diagnoses")]
    [TestCase("Matrix", "Matrices")]
    [TestCase("Person", "People")]
    [TestCase("FederalFunds", "FederalFunds")]
    [TestCase("Day", "Days")]
    [TestCase("Staff", "Staffs")]
    public void Plural_follows_English_and_the_standards_irregular_nouns(string singular, string plural) => ApiNaming.Plural(singular).Should().Be(plural);

    [TestCase("EducationOrganizationCategory", "EducationOrganization", "Category")]
    [TestCase("AssessmentPerformanceLevel", "ObjectiveAssessment", "PerformanceLevel")]
    [TestCase("LanguageUse", "Language", "Use")]
    [TestCase("ServiceProvider", "SpecialEducationProgramService", "Provider")]
    [TestCase("SchoolCategory", "EducationOrganization", "SchoolCategory")]
    [TestCase("Language", "Language", "Language")]
    [TestCase("Assessments", "Assessment", "Assessments")]
    public void StripOwner_drops_the_owners_last_words_only_where_a_member_starts_with_them(string item, string owner, string expected) =>
        ApiNaming.StripOwner(item, owner).Should().Be(expected);

    [TestCase("Program", "EducationOrganizationId", "ProgramEducationOrganizationId")]
    [TestCase("GradingPeriod", "GradingPeriodName", "GradingPeriodName")]
    [TestCase("GradingPeriod", "SchoolYear", "GradingPeriodSchoolYear")]
    [TestCase("ChartOfAccount", "AccountIdentifier", "ChartOfAccountIdentifier")]
    [TestCase("ResponsibleTeacher", "StaffUniqueId", "ResponsibleTeacherStaffUniqueId")]
    [TestCase("", "SchoolId", "SchoolId")]
    public void WithRole_prefixes_a_column_once(string role, string column, string expected) => ApiNaming.WithRole(role, column).Should().Be(expected);
}
