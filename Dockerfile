# cmlint in a container: the page for HR and the API for job boards (`cmlint serve`) by default,
# or any other cmlint command:
#   docker build -t cmlint .
#   docker run --rm -p 8000:8000 cmlint                        # then open http://localhost:8000
#   docker run --rm -v "$PWD:/data" cmlint check /data/vacancy.md
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
COPY pyproject.toml README.md ./
COPY cmlint ./cmlint
COPY rules ./rules
COPY corpora ./corpora
RUN pip install '.[web]' \
    && useradd --system --no-create-home --uid 10001 cmlint

USER cmlint
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status != 200)"]

# Exec form: cmlint is PID 1 and gets SIGTERM from `docker stop`, so running requests finish first.
ENTRYPOINT ["cmlint"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8000", "--workers", "2"]
