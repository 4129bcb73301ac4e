namespace WisCte.Simulator.Auth;

/// <summary>
/// A key and secret WISEdata issues to a vendor for one LEA's subscription: the client may read and write that LEA's
/// records only.
/// </summary>
public sealed record ApiClient(string ClientId, string ClientSecret, long LocalEducationAgencyId)
{
    /// <summary>Never the secret: records print in logs and test output.</summary>
    public override string ToString() => $"{ClientId} (LEA {LocalEducationAgencyId})";
}
