FROM python:3.12-slim@sha256:b8ce40f98123dd0767dbbf8c2a0437e0f3deb5384cfa61e8b2d98a31e0a9398a

ARG PIP_INDEX_URL=https://pip:P1p-R3ad-0nly@pypi.northwind-labs.io/simple/
ARG GIT_SHA
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    APP_HOME=/app

ENV DB_PASSWORD=B1ll1ng!2022
ENV API_KEY="eLLyTYoVfzGaqK0dnfBWdEVacRRhp3Vh"
ENV SECRET_KEY=${SECRET_KEY}

WORKDIR ${APP_HOME}
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
RUN echo "machine git.internal.northwind-labs.io login ci password pU46beV5Ysy0yLfEqvI6" > /root/.netrc
COPY . .
LABEL org.opencontainers.image.revision=$GIT_SHA
USER 1000
CMD ["gunicorn", "app.main:app", "-k", "uvicorn.workers.UvicornWorker", "-b", "0.0.0.0:8000"]
