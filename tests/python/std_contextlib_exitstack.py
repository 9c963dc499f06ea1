import contextlib
with contextlib.ExitStack() as st:
    st.callback(print, 'first registered')
    st.callback(print, 'second registered')
    print('body')
