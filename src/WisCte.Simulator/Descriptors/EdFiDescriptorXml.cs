using System.Xml;
using System.Xml.Linq;

namespace WisCte.Simulator.Descriptors;

/// <summary>
/// Reads one of Ed-Fi's default descriptor files (Ed-Fi-Data-Standard v5.2.0, Descriptors/*.xml, an
/// <c>InterchangeDescriptors</c> document): each child element is one value, its name the descriptor type
/// (which is not always the file's name: SupporterMilitaryConnection.xml holds SupporterMilitaryConnectionDescriptor).
/// Text is taken as written, trailing spaces included, as the ODS loads it. Ed-Fi's defaults are valid in every school year.
/// </summary>
internal static class EdFiDescriptorXml
{
    public static IReadOnlyList<DescriptorValue> Read(Stream xml, string source)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        XDocument document;
        using (var reader = XmlReader.Create(xml, settings))
            document = XDocument.Load(reader);
        var root = document.Root ?? throw new InvalidDataException($"{source} has no root element.");
        if (root.Name.LocalName != "InterchangeDescriptors")
            throw new InvalidDataException($"{source}: the root element is {root.Name.LocalName}, not InterchangeDescriptors.");

        var values = new List<DescriptorValue>();
        foreach (var element in root.Elements())
        {
            var type = element.Name.LocalName;
            string? Child(string name) => element.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
            string Need(string name) => Child(name) is { Length: > 0 } text
                ? text
                : throw new InvalidDataException($"{source}: a {type} (value {values.Count + 1}) has no {name}.");
            var codeValue = Need("CodeValue");
            values.Add(new DescriptorValue(type, Need("Namespace"), codeValue, Child("ShortDescription") ?? codeValue, Child("Description"), null, null));
        }
        return values;
    }
}
