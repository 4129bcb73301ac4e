using System.Xml.Linq;

namespace WisCte.EdFi.ModelGenerator;

/// <summary>One element of a complex type: a member of an entity, common type or identity.</summary>
public sealed record XsdElement(string Name, string Type, bool IsRequired, bool IsCollection);

/// <summary>A named complex type with its Ed-Fi type group (Domain Entity, Association, Common, Identity, …).</summary>
public sealed record XsdComplexType(string Name, string? TypeGroup, string? Base, bool IsAbstract, IReadOnlyList<XsdElement> Elements);

/// <summary>A named simple type: the built-in type it restricts and its facets.</summary>
public sealed record XsdSimpleType(string Name, string? TypeGroup, string Base, int? MaxLength, int? MinLength);

/// <summary>Ed-Fi-Core.xsd read into named types; nothing Ed-Fi-specific beyond the ann:TypeGroup annotation.</summary>
public sealed class Xsd
{
    private static readonly XNamespace Xs = "http://www.w3.org/2001/XMLSchema";
    private static readonly XNamespace Ann = "http://ed-fi.org/annotation";

    public required IReadOnlyDictionary<string, XsdComplexType> ComplexTypes { get; init; }
    public required IReadOnlyDictionary<string, XsdSimpleType> SimpleTypes { get; init; }
    public required string TargetNamespace { get; init; }

    public static Xsd Load(string path)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(path);
        }
        catch (Exception e) when (e is System.Xml.XmlException or IOException)
        {
            throw new InvalidDataException($"{path}: not a readable XML schema ({e.Message}).", e);
        }
        var root = document.Root ?? throw new InvalidDataException($"{path}: empty document.");
        var complex = root.Elements(Xs + "complexType").Select(ReadComplex).ToDictionary(t => t.Name, StringComparer.Ordinal);
        var simple = root.Elements(Xs + "simpleType").Select(ReadSimple).ToDictionary(t => t.Name, StringComparer.Ordinal);
        if (complex.Count == 0)
            throw new InvalidDataException($"{path}: no complex types; is this Ed-Fi-Core.xsd?");
        return new Xsd { ComplexTypes = complex, SimpleTypes = simple, TargetNamespace = (string?)root.Attribute("targetNamespace") ?? "" };
    }

    private static XsdComplexType ReadComplex(XElement type)
    {
        var extension = type.Descendants(Xs + "extension").FirstOrDefault();
        var elements = type.Descendants(Xs + "element")
            .Select(e => new XsdElement(
                (string)e.Attribute("name")!,
                LocalName((string)e.Attribute("type")!),
                (string?)e.Attribute("minOccurs") != "0" && e.Ancestors(Xs + "choice").FirstOrDefault() is null,
                (string?)e.Attribute("maxOccurs") is "unbounded" or { Length: > 0 } and not "1"))
            .ToList();
        return new XsdComplexType(
            (string)type.Attribute("name")!,
            type.Descendants(Ann + "TypeGroup").FirstOrDefault()?.Value,
            extension is null ? null : LocalName((string)extension.Attribute("base")!),
            (string?)type.Attribute("abstract") == "true",
            elements);
    }

    private static XsdSimpleType ReadSimple(XElement type)
    {
        var restriction = type.Element(Xs + "restriction");
        int? Facet(string name) => restriction?.Element(Xs + name) is { } f ? int.Parse((string)f.Attribute("value")!, System.Globalization.CultureInfo.InvariantCulture) : null;
        return new XsdSimpleType((string)type.Attribute("name")!, type.Descendants(Ann + "TypeGroup").FirstOrDefault()?.Value, LocalName((string?)restriction?.Attribute("base") ?? "xs:string"), Facet("maxLength"), Facet("minLength"));
    }

    private static string LocalName(string qualified) => qualified.StartsWith("xs:", StringComparison.Ordinal) ? qualified : qualified[(qualified.IndexOf(':') + 1)..];
}
