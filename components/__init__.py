"""Building blocks of the dashboard: pure frame → frame and frame → Figure functions, plus the few
Streamlit widgets every page shares. Pages stay thin: read the filters, call these, render."""
