"""Face model packs, detection, embeddings and image loading.

The only layer that imports cv2, onnxruntime and insightface (lazily, so that
importing the package stays cheap).
"""
