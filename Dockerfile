# DPRK Relations Atlas: one replica. Build: docker build -t dprk-atlas .  Run: docker run -p 8501:8501 dprk-atlas
# The data is read-only and baked into the image: replicas share nothing but the image.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    # Serve under a sub-path (e.g. "atlas" for https://example.edu/atlas/) by setting this at run time.
    STREAMLIT_SERVER_BASE_URL_PATH=""

WORKDIR /app
COPY requirements.txt ./
RUN pip install -r requirements.txt

COPY .streamlit/ .streamlit/
COPY app.py ./
COPY app_pages/ app_pages/
COPY atlas/ atlas/
COPY data/ data/
COPY static/ static/

# A non-root user that cannot write the app or its data (files stay owned by root).
RUN useradd --create-home --uid 10001 atlas
USER atlas

EXPOSE 8501
# Streamlit's own health endpoint; python:slim has no curl, so the check uses the standard library.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD python -c "import os, urllib.request; base = os.environ.get('STREAMLIT_SERVER_BASE_URL_PATH', '').strip('/'); urllib.request.urlopen('http://127.0.0.1:8501/' + (base + '/' if base else '') + '_stcore/health', timeout=4)"

CMD ["python", "-m", "streamlit", "run", "app.py", "--server.address=0.0.0.0", "--server.port=8501"]
