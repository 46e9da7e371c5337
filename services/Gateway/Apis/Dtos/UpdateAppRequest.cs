namespace SecureRag.Gateway.Apis.Dtos;

/// <param name="ExpectedVersion">The version read before the change; a concurrent change makes the update fail with 409.</param>
public sealed record UpdateAppRequest(AppSpecDto Spec, int ExpectedVersion);
