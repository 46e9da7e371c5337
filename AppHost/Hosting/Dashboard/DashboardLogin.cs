using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace SecureRag.Hosting.Dashboard;

/// <summary>
/// The dashboard's access check, as Aspire's dashboard does it: a random token generated at every start and printed in
/// the console link; the link (or the token pasted on the login page) sets a cookie, and every page needs the cookie.
/// The cookie holds an HMAC of the token, never the token, and is HttpOnly and SameSite=Strict, so another site can
/// neither read it nor make the browser send it with a cross-site form (the stop and restart buttons are POSTs).
/// </summary>
internal sealed class DashboardLogin
{
    public const string CookieName = "securerag-dashboard";
    public const string TokenParameter = "t";

    private readonly byte[] _token;
    private readonly byte[] _cookieValue;

    public DashboardLogin()
    {
        Token = RandomNumberGenerator.GetHexString(32, lowercase: true); // 128 bits
        _token = Encoding.ASCII.GetBytes(Token);
        _cookieValue = Encoding.ASCII.GetBytes(Convert.ToHexStringLower(HMACSHA256.HashData(_token, "securerag-dashboard-session"u8)));
    }

    /// <summary>The login token of this run.</summary>
    public string Token { get; }

    public bool IsValidToken(string? candidate) =>
        candidate is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(candidate), _token);

    public bool IsSignedIn(HttpRequest request) =>
        request.Cookies.TryGetValue(CookieName, out var cookie)
        && cookie is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(cookie), _cookieValue);

    public void SignIn(HttpResponse response) =>
        response.Cookies.Append(CookieName, Encoding.ASCII.GetString(_cookieValue), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = response.HttpContext.Request.IsHttps,
            Path = "/",
            IsEssential = true,
        });
}
