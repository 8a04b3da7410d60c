using Microsoft.Playwright;

namespace ComplianceGrains.Tests.Browser;

/// <summary>What a page must hold at any width (issue 13 item 8), checked in the browser on the rendered layout.</summary>
public static class PageChecks
{
    /// <summary>Nothing is wider than the window: no sideways scrolling of the whole page.</summary>
    public static async Task AssertFitsAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{page.Url} is {overflow} px wider than the window");
    }

    /// <summary>
    /// Every visible table cell with some text keeps at least four characters on a line on average: a column squeezed
    /// to a letter's width breaks its words letter by letter, one or two characters a line.
    /// </summary>
    public static async Task AssertCellsReadableAsync(IPage page)
    {
        var squeezed = await page.EvaluateAsync<string[]>("""
            () => Array.from(document.querySelectorAll("td, th")).flatMap(cell => {
              let chars = 0, lines = 0;
              const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const text = node.textContent.replace(/\s+/g, "");
                const box = node.parentElement.getBoundingClientRect();
                if (text.length === 0 || box.width <= 1 || box.height <= 1) continue; // hidden, or visually hidden for screen readers
                const range = document.createRange();
                range.selectNodeContents(node);
                chars += text.length;
                lines += range.getClientRects().length;
              }
              return chars >= 6 && chars / lines < 4 ? [`"${cell.textContent.trim().slice(0, 40)}": ${lines} lines for ${chars} characters`] : [];
            })
            """);
        Assert.True(squeezed.Length == 0, $"{page.Url} squeezes table cells:\n{string.Join("\n", squeezed)}");
    }

    /// <summary>Every visible form control has an accessible name: a label, aria-label(ledby), or a button's text.</summary>
    public static async Task AssertControlsLabelledAsync(IPage page)
    {
        var unlabelled = await page.EvaluateAsync<string[]>("""
            () => Array.from(document.querySelectorAll("input:not([type=hidden]), select, textarea, button"))
              .filter(c => !(c.labels && c.labels.length) && !c.getAttribute("aria-label") && !c.getAttribute("aria-labelledby")
                        && !(c.tagName === "BUTTON" && c.textContent.trim()))
              .map(c => c.outerHTML.slice(0, 80))
            """);
        Assert.True(unlabelled.Length == 0, $"{page.Url} has unlabelled controls:\n{string.Join("\n", unlabelled)}");
    }

    public static async Task AssertReadableAsync(IPage page)
    {
        await AssertFitsAsync(page);
        await AssertCellsReadableAsync(page);
        await AssertControlsLabelledAsync(page);
    }
}
