# Sourced by run-app.sh and run-tests.sh (from the project root): the set-up both share.

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"

apt_install() {
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}

# setup_venv REQUIREMENTS_FILE: create .venv if needed and install the pinned packages into it.
setup_venv() {
  if [ ! -x .venv/bin/python ]; then
    # Debian ships venv separately (python3-venv); install it when creating the venv fails.
    if ! python3 -m venv .venv 2>/dev/null; then
      rm -rf .venv
      apt_install python3-venv
      python3 -m venv .venv
    fi
  fi
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$1"
  # The atlas itself, editable: tools/ and bench/ import it without any sys.path edits.
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
}
