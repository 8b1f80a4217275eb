from pydantic import BaseModel

from agents import Agent

# Writer agent brings together the raw search results and optionally calls out
# to sub‑analyst tools for specialized commentary, then returns a cohesive markdown report.
WRITER_PROMPT = (
    "You are a senior financial analyst. You will be provided with the original query and "
    "a set of raw search summaries. Your task is to synthesize these into a long‑form markdown "
    "report (at least several paragraphs) including a short executive summary and follow‑up "
    "questions. If needed, you can call the available analysis tools (e.g. fundamentals_analysis, "
    "risk_analysis) to get short specialist write‑ups to incorporate. Every material numeric or "
    "time-sensitive claim must include an inline Markdown citation using a URL supplied in the "
    "research evidence. Never invent or alter a source URL."
)

REVISION_PROMPT = (
    f"{WRITER_PROMPT} You are revising an existing report after evidence verification. Address "
    "every verification issue, remove claims that cannot be supported, preserve valid analysis, "
    "and return a complete replacement report rather than a patch or commentary. Copy replacement "
    "citation URLs verbatim from each verification issue's source_urls; do not change path casing, "
    "language segments, or query parameters."
)


class FinancialReportData(BaseModel):
    short_summary: str
    """A short 2‑3 sentence executive summary."""

    markdown_report: str
    """The full markdown report."""

    follow_up_questions: list[str]
    """Suggested follow‑up questions for further research."""


# Note: We will attach handoffs to specialist analyst agents at runtime in the manager.
# This shows how an agent can use handoffs to delegate to specialized subagents.
writer_agent = Agent(
    name="FinancialWriterAgent",
    instructions=WRITER_PROMPT,
    model="gpt-5.6-sol",
    output_type=FinancialReportData,
)
