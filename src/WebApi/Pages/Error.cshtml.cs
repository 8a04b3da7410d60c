using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplianceGrains.WebApi.Pages;

/// <summary>The page of an error status, rendered for page paths instead of the API's JSON body.</summary>
[Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "";

    public string Explanation { get; private set; } = "";

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        (Title, Explanation) = code switch
        {
            404 => ("Not found", "There is nothing here, or it is not yours to see."),
            403 => ("Not allowed", "You may see this, but not do this."),
            400 => ("Not accepted", "The request was not accepted."),
            _ => ($"Error {code}", "The request could not be completed."),
        };
        // The re-executed request keeps the original status code; a direct visit answers it too.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null) Response.StatusCode = code;
    }
}
