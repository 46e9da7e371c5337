using System.Buffers;
using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using SecureRag.Contracts.Ingestion;
using SecureRag.Gateway.Apis.Dtos;
using SecureRag.Gateway.Security;

namespace SecureRag.Gateway.Apis;

/// <summary>
/// <c>POST /v1/knowledge-bases/{id}/documents</c>: reads the multipart body section by section with
/// <see cref="MultipartReader"/> (never the form-file buffering) and forwards the file part to Ingestion's
/// client-streaming upload in small messages as it arrives. Form fields (title, source, tags, author, effectiveDate,
/// access, documentId) must come before the file part. An upload over the limit answers 413 at once when its
/// Content-Length says so, otherwise as soon as the limit is passed; nothing is stored either way.
/// </summary>
public static class DocumentUpload
{
    private const int MaxFieldBytes = 64 * 1024;
    private const int MaxFields = 64;

    public static async Task<Results<Accepted<UploadAcceptedDto>, ProblemHttpResult>> UploadAsync(
        string id, HttpContext context, IngestionService.IngestionServiceClient ingestion, IOptions<DocumentUploadOptions> options)
    {
        var settings = options.Value;
        var request = context.Request;
        if (request.ContentLength > settings.MaxDocumentBytes + settings.MultipartOverheadBytes)
        {
            return IngestionProblems.TooLarge(settings.MaxDocumentBytes);
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send the document as multipart/form-data.",
                extensions: new Dictionary<string, object?> { ["code"] = "upload.multipart_required" });
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = settings.MaxDocumentBytes + settings.MultipartOverheadBytes;
        }

        var fields = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 16 * 1024 };
        try
        {
            while (await reader.ReadNextSectionAsync(context.RequestAborted) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                {
                    continue;
                }

                if (disposition.IsFileDisposition())
                {
                    var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "";
                    return await ForwardAsync(id, fileName, section, fields, context, ingestion, settings);
                }

                if (disposition.IsFormDisposition() && fields.Count < MaxFields)
                {
                    var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                    var value = await ReadFieldAsync(section.Body, context.RequestAborted);
                    if (value is null)
                    {
                        return IngestionProblems.Invalid(name, $"form fields are limited to {MaxFieldBytes} bytes.");
                    }

                    (fields.TryGetValue(name, out var values) ? values : fields[name] = []).Add(value);
                }
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return IngestionProblems.TooLarge(settings.MaxDocumentBytes);
        }

        return IngestionProblems.Invalid("file", "the request has no file part.");
    }

    private static async Task<Results<Accepted<UploadAcceptedDto>, ProblemHttpResult>> ForwardAsync(
        string knowledgeBaseId, string fileName, MultipartSection section, Dictionary<string, List<string>> fields, HttpContext context,
        IngestionService.IngestionServiceClient ingestion, DocumentUploadOptions settings)
    {
        var metadata = new UploadMetadata
        {
            KnowledgeBaseId = knowledgeBaseId,
            DocumentId = Field(fields, "documentId"),
            FileName = fileName,
            ContentType = section.ContentType ?? "",
            Title = Field(fields, "title"),
            Source = Field(fields, "source"),
            Author = Field(fields, "author"),
            Tags = { List(fields, "tags") },
            Access = { List(fields, "access") },
        };
        if (Field(fields, "effectiveDate") is { Length: > 0 } effective)
        {
            if (!DateTimeOffset.TryParse(effective, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            {
                return IngestionProblems.Invalid("effectiveDate", "must be an ISO 8601 date.");
            }

            metadata.EffectiveDate = Timestamp.FromDateTimeOffset(date);
        }

        using var call = ingestion.UploadDocument(context.For("ingestion"), cancellationToken: context.RequestAborted);
        var buffer = ArrayPool<byte>.Shared.Rent(settings.MessageBytes);
        try
        {
            await call.RequestStream.WriteAsync(new UploadDocumentRequest { Metadata = metadata }, context.RequestAborted);
            long total = 0;
            int read;
            while ((read = await section.Body.ReadAsync(buffer.AsMemory(0, settings.MessageBytes), context.RequestAborted)) > 0)
            {
                total += read;
                if (total > settings.MaxDocumentBytes)
                {
                    // Disposing the call cancels it: Ingestion stores nothing.
                    return IngestionProblems.TooLarge(settings.MaxDocumentBytes);
                }

                await call.RequestStream.WriteAsync(new UploadDocumentRequest { Data = ByteString.CopyFrom(buffer, 0, read) }, context.RequestAborted);
            }

            await call.RequestStream.CompleteAsync();
            var response = await call.ResponseAsync;
            var jobUrl = $"/v1/ingestion-jobs/{response.JobId}";
            return TypedResults.Accepted(jobUrl, new UploadAcceptedDto(
                response.DocumentId, response.Version, response.JobId, jobUrl, response.Duplicate, response.Job?.ToDto()));
        }
        catch (RpcException ex)
        {
            return IngestionProblems.From(ex);
        }
        catch (InvalidOperationException)
        {
            // Ingestion refused while the file was still arriving (too large, not allowed): its status says why.
            try
            {
                await call.ResponseAsync;
            }
            catch (RpcException ex)
            {
                return IngestionProblems.From(ex);
            }

            throw;
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return IngestionProblems.TooLarge(settings.MaxDocumentBytes);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task<string?> ReadFieldAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxFieldBytes + 1];
        var length = await body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        return length > MaxFieldBytes ? null : System.Text.Encoding.UTF8.GetString(buffer, 0, length);
    }

    private static string Field(Dictionary<string, List<string>> fields, string name) =>
        fields.TryGetValue(name, out var values) ? values[^1].Trim() : "";

    /// <summary>A list field, repeated or comma-separated.</summary>
    private static IEnumerable<string> List(Dictionary<string, List<string>> fields, string name) =>
        fields.TryGetValue(name, out var values)
            ? values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            : [];
}
