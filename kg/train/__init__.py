"""Training and measuring kg's learned components from annotated corpora.

Needs the optional ``train`` extra (scikit-learn) to fit models; nothing here runs at extraction time.
"""
