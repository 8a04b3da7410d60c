using ComplianceGrains.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ComplianceGrains.WebApi.Web;

/// <summary>
/// The one place where pages turn the grains' refusals into pages: not found and not allowed answer 404 and 403 as the
/// API does (the status pages render them); validation errors stay with the page that shows them next to the fields.
/// </summary>
public sealed class GrainErrorPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        var status = executed.Exception switch
        {
            NotFoundException => StatusCodes.Status404NotFound,
            PermissionDeniedException => StatusCodes.Status403Forbidden,
            ValidationException => StatusCodes.Status400BadRequest,
            _ => 0,
        };
        if (status == 0) return;
        executed.ExceptionHandled = true;
        executed.Result = new StatusCodeResult(status);
    }
}
