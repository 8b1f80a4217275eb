import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';

/** Instructor (Python) and Mirascope sending pydantic models; a FastAPI route serialising its HTTP response with one. */
const APP = `from typing import Iterable
import instructor
from fastapi import APIRouter, FastAPI
from mirascope import llm
from openai import OpenAI
from pydantic import BaseModel, Field

app = FastAPI()
router = APIRouter()


class Task(BaseModel):
    """One action item taken from the meeting notes."""
    title: str = Field(description="A short imperative title for the action item")


class Book(BaseModel):
    """A book recommendation for the reader's stated genre."""
    title: str


class TaskOut(BaseModel):
    """The task as the HTTP API returns it to the browser."""
    title: str = Field(description="The title shown in the task list of the web page")


class TaskPage(BaseModel):
    """One page of the tasks listed by the dashboard."""
    items: list[TaskOut]


client = instructor.from_openai(OpenAI())


def extract(notes: str):
    return client.chat.completions.create(model="gpt-4o-mini", response_model=Iterable[Task], messages=[{"role": "user", "content": notes}])


@llm.call(provider="openai", model="gpt-4o-mini", response_model=Book)
def recommend(genre: str) -> str:
    return f"Recommend a {genre} book"


@app.get("/tasks/{task_id}", response_model=TaskOut)
def get_task(task_id: str):
    return TaskOut(title=task_id)


@router.post("/tasks", response_model=list[TaskPage])
def list_tasks():
    return []


app.add_api_route("/tasks/all", list_tasks, methods=["GET"], response_model=TaskPage)
`;

describe('detect: Python response_model= — Instructor and Mirascope send it, FastAPI routes do not', () => {
  it("Instructor's create(response_model=Iterable[Task]) and Mirascope's @llm.call(response_model=Book) send their class; FastAPI's route models are HTTP responses", async () => {
    const f = await detectFile(APP, 'app.py');
    const described = f.prompts.filter((p) => p.kind === 'tool-description').map((p) => p.line);
    assert.deepEqual(described, [12, 17]);
    assert.ok(!f.prompts.some((p) => p.line === 22 || p.line === 27), 'the route models are never sent to a model');
  });
});
