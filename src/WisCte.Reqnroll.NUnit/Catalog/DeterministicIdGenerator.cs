using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Gherkin.CucumberMessages;

namespace WisCte.Reqnroll.NUnit.Catalog;

/// <summary>
/// Message ids derived from the feature's path and text: stable from run to run, unique across features
/// (Gherkin's incrementing generator would collide across features; its GUID generator changes every run).
/// </summary>
internal sealed class DeterministicIdGenerator(string seed) : IIdGenerator
{
    private readonly byte[] _seed = SHA256.HashData(Encoding.UTF8.GetBytes(seed));
    private int _counter;

    public string GetNewId()
    {
        var counter = Encoding.UTF8.GetBytes((_counter++).ToString(CultureInfo.InvariantCulture));
        var hash = SHA256.HashData([.. _seed, .. counter]);
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
