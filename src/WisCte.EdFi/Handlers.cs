using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using WisCte.Journal;

namespace WisCte.EdFi;

/// <summary>Adds the bearer token; after a 401 fetches a new token and sends once more.</summary>
internal sealed class AuthenticationHandler(TokenProvider tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
            return response;

        response.Dispose();
        tokens.Invalidate(token);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetAsync(cancellationToken).ConfigureAwait(false));
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Records every attempt as it goes on the wire, secrets masked.</summary>
internal sealed class RecordingHandler(IExchangeRecorder recorder, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Nothing to record: the body is not copied (an audit reads hundreds of pages of half a megabyte).
        if (recorder is NoRecorder)
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var started = time.GetUtcNow();
        var watch = Stopwatch.StartNew();
        var requestBody = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var requestHeaders = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key, h => Masking.Header(h.Key, string.Join(",", h.Value)), StringComparer.OrdinalIgnoreCase);
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            recorder.Record(new HttpExchange(
                started, request.Method.Method, request.RequestUri!.ToString(), requestHeaders, Masking.Body(requestBody),
                (int)response.StatusCode,
                response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase),
                Masking.Body(body), watch.Elapsed, null));
            return response;
        }
        catch (HttpRequestException ex)
        {
            recorder.Record(new HttpExchange(
                started, request.Method.Method, request.RequestUri!.ToString(), requestHeaders, Masking.Body(requestBody),
                null, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), null, watch.Elapsed, ex.Message));
            throw;
        }
    }
}

/// <summary>A recorder that keeps nothing.</summary>
public sealed class NoRecorder : IExchangeRecorder
{
    public static NoRecorder Instance { get; } = new();

    public void Record(HttpExchange exchange)
    {
    }
}
